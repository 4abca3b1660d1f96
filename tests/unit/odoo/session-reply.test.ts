import { GatewayError } from '../../../src/errors/gateway-error';
import {
  classifyFault,
  CREDENTIALS_REFUSED_MESSAGE,
  isAccessDenied,
  SESSION_LOST_MESSAGE,
} from '../../../src/odoo/classify-fault';
import { readEnvelope } from '../../../src/odoo/jsonrpc-transport';
import { OdooFault } from '../../../src/odoo/rpc-transport';
import { readSessionReply } from '../../../src/odoo/session-reply';
import { replyOf, TranscriptCase, transcriptCases } from './transcript-cases';

const cases = transcriptCases('odoo-18.0-session.json');
const callKw = cases.filter((c) => c.path.startsWith('/web/dataset/call_kw'));
const failing = callKw.filter((c) => c.http_status !== 200 || c.response_body.includes('"error"'));
const succeeding = callKw.filter((c) => !failing.includes(c));

const MISSING = 'Record does not exist or has been deleted.';

/** What the gateway reports for each call_kw error Odoo 18.0 really sent: [status, code, message]. */
const expected: Record<string, [number, string, string | RegExp]> = {
  user_error_identitycheck_wrong_password: [400, 'ODOO_VALIDATION_ERROR', /^Incorrect Password/],
  user_error_recursive_tag: [400, 'ODOO_VALIDATION_ERROR', 'Recursion Detected.'],
  validation_error_recursive_partner: [
    400,
    'ODOO_VALIDATION_ERROR',
    'You cannot create recursive Partner hierarchies.',
  ],
  validation_error_sql_constraint: [
    400,
    'ODOO_VALIDATION_ERROR',
    'The operation cannot be completed: Contacts require a name',
  ],
  unknown_model: [503, 'ODOO_UNAVAILABLE', /^The model no\.such\.model doesn't exist in Odoo/],
  unknown_method: [
    502,
    'ODOO_ERROR',
    "The method 'no_such_method' does not exist on the model 'res.partner'",
  ],
  private_method: [403, 'FORBIDDEN', /^Private methods/],
  invalid_field_in_domain: [502, 'ODOO_ERROR', /^Invalid field/],
  invalid_field_in_create_vals: [502, 'ODOO_ERROR', "Invalid field 'no_such_field' on model 'res.partner'"],
  missing_required_argument: [
    502,
    'ODOO_ERROR',
    "ResPartner.write() missing 1 required positional argument: 'vals'",
  ],
  missing_error_write_deleted: [404, 'NOT_FOUND', MISSING],
  web_read_with_missing_id: [404, 'NOT_FOUND', MISSING],
  access_error_read: [403, 'FORBIDDEN', /^You are not allowed to access 'System Parameter'/],
  access_error_write: [403, 'FORBIDDEN', /^You are not allowed to modify 'Companies'/],
  // A lost session: the client logs in again once; only a second loss reaches the caller.
  call_kw_after_destroy: [503, 'ODOO_UNAVAILABLE', SESSION_LOST_MESSAGE],
  call_kw_after_logout_new_cookie: [503, 'ODOO_UNAVAILABLE', SESSION_LOST_MESSAGE],
  call_kw_after_logout_old_cookie: [503, 'ODOO_UNAVAILABLE', SESSION_LOST_MESSAGE],
  call_kw_bogus_session_cookie: [503, 'ODOO_UNAVAILABLE', SESSION_LOST_MESSAGE],
  call_kw_no_cookie: [503, 'ODOO_UNAVAILABLE', SESSION_LOST_MESSAGE],
};

function thrownBy(recorded: TranscriptCase): unknown {
  try {
    readSessionReply(replyOf(recorded), recorded.model ?? requestModel(recorded));
  } catch (error) {
    return error;
  }
  throw new Error(`${recorded.name} did not fail`);
}

function requestModel(recorded: TranscriptCase): string {
  return (JSON.parse(recorded.request_body) as { params: { model: string } }).params.model;
}

function reported(recorded: TranscriptCase): GatewayError {
  const error = thrownBy(recorded);
  if (error instanceof OdooFault) return classifyFault(error);
  if (error instanceof GatewayError) return error;
  throw error;
}

describe('readSessionReply over every call_kw answer Odoo 18.0 sent', () => {
  it('when the transcript is read, then every recorded call_kw error has an expectation', () => {
    expect(failing.map((c) => c.name).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(failing.map((c) => [c.name, c] as const))(
    'when Odoo answers the recorded %s, then the caller gets the expected status, code and message',
    (name, recorded) => {
      const [status, code, message] = expected[name] ?? [0, '', ''];
      const error = reported(recorded);
      expect({ status: error.status, code: error.code }).toEqual({ status, code });
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/Traceback|<|\n/);
    },
  );

  it.each(['call_kw_after_destroy', 'call_kw_after_logout_new_cookie', 'call_kw_bogus_session_cookie'])(
    'when the session is lost (%s), then it is an AccessDenied fault, so that the client logs in once more',
    (name) => {
      const error = thrownBy(failing.find((c) => c.name === name) as TranscriptCase);
      expect(error instanceof OdooFault && isAccessDenied(error)).toBe(true);
    },
  );

  it.each(succeeding.map((c) => [c.name, c] as const))(
    "when Odoo answers the recorded %s, then the result is the envelope's result",
    (_name, recorded) => {
      const result = (JSON.parse(recorded.response_body) as { result?: unknown }).result ?? null;
      expect(readSessionReply(replyOf(recorded), requestModel(recorded))).toEqual(result);
    },
  );
});

describe('session logins over the recorded /web/session/authenticate answers', () => {
  const login = (name: string): GatewayError => {
    const recorded = cases.find((c) => c.name === name) as TranscriptCase;
    try {
      readEnvelope(recorded.response_body);
    } catch (error) {
      return classifyFault(error as OdooFault, ['admin']);
    }
    throw new Error(`${name} did not fail`);
  };

  it.each([
    ['authenticate_bad_password', CREDENTIALS_REFUSED_MESSAGE],
    ['authenticate_apikey_as_password', CREDENTIALS_REFUSED_MESSAGE],
    ['authenticate_unknown_db', "Odoo database 'no_such_db' is not available (check ODOO_DB)"],
  ])('when Odoo answers %s, then it is a 503 telling ops what to fix', (name, message) => {
    const error = login(name);
    expect({ status: error.status, message: error.message }).toEqual({ status: 503, message });
  });
});
