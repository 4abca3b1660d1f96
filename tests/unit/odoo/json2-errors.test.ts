import { GatewayError } from '../../../src/errors/gateway-error';
import { API_KEY_REFUSED_MESSAGE, classifyFault } from '../../../src/odoo/classify-fault';
import { json2ErrorOf, NO_DATABASE_MESSAGE } from '../../../src/odoo/json2-errors';
import { OdooModelMissingError } from '../../../src/odoo/model-missing-error';
import { OdooFault } from '../../../src/odoo/rpc-transport';
import { replyOf, transcriptCases } from './transcript-cases';

const errorCases = transcriptCases('odoo-19.0-json2.json').filter(
  (c) => c.protocol === 'json2' && c.http_status !== 200,
);

const MISSING = 'Record does not exist or has been deleted.';
const GATEWAY_BUG = /^Odoo refused the gateway's call to res\.partner\.\w+ \(a gateway bug\): /;

/** What the gateway reports for each error Odoo 19.0 really sent on JSON-2: [status, code, message]. */
const expected: Record<string, [number, string, string | RegExp]> = {
  // 401 becomes an AccessDenied fault (the client logs in once more), then this 503.
  error_401_wrong_key: [503, 'ODOO_UNAVAILABLE', API_KEY_REFUSED_MESSAGE],
  error_401_no_authorization: [503, 'ODOO_UNAVAILABLE', API_KEY_REFUSED_MESSAGE],
  error_403_access_error: [
    403,
    'FORBIDDEN',
    "You are not allowed to access 'System Parameter' (ir.config_parameter) records.",
  ],
  error_403_access_error_write: [
    403,
    'FORBIDDEN',
    "You are not allowed to modify 'Companies' (res.company) records.",
  ],
  error_403_private_method: [
    403,
    'FORBIDDEN',
    "Private methods (such as 'res.partner._compute_display_name') cannot be called remotely.",
  ],
  error_404_unknown_model: [
    503,
    'ODOO_UNAVAILABLE',
    /^The model no\.such\.model doesn't exist in Odoo: check the gateway's mappings/,
  ],
  error_404_unknown_method: [
    502,
    'ODOO_ERROR',
    'Odoo has no method res.partner.no_such_method (a gateway bug)',
  ],
  error_404_missing_record_write: [404, 'NOT_FOUND', MISSING],
  web_read_with_missing_id: [404, 'NOT_FOUND', MISSING],
  error_422_unexpected_argument: [502, 'ODOO_ERROR', GATEWAY_BUG],
  error_422_missing_argument: [502, 'ODOO_ERROR', GATEWAY_BUG],
  error_422_ids_on_model_method: [502, 'ODOO_ERROR', GATEWAY_BUG],
  error_400_malformed_json: [502, 'ODOO_ERROR', GATEWAY_BUG],
  error_422_user_error_recursive_tag: [400, 'ODOO_VALIDATION_ERROR', 'Recursion Detected.'],
  error_422_validation_error_recursive_partner: [
    400,
    'ODOO_VALIDATION_ERROR',
    'You cannot create recursive Partner hierarchies.',
  ],
  error_422_validation_error_sql_constraint: [
    400,
    'ODOO_VALIDATION_ERROR',
    'The operation cannot be completed: Contacts require a name',
  ],
  error_500_invalid_field_in_domain: [
    502,
    'ODOO_ERROR',
    "Invalid field res.partner.no_such_field in condition ('no_such_field', '=', 1)",
  ],
  error_500_invalid_field_in_create_vals: [
    502,
    'ODOO_ERROR',
    "Invalid field 'no_such_field' in 'res.partner'",
  ],
  error_415_wrong_content_type: [500, 'INTERNAL_ERROR', /content type .* \(a gateway bug\)$/],
  error_404_html_no_database_header: [503, 'ODOO_UNAVAILABLE', NO_DATABASE_MESSAGE],
  error_404_html_unknown_database: [503, 'ODOO_UNAVAILABLE', NO_DATABASE_MESSAGE],
};

/** The error a caller finally sees: a fault goes through classifyFault, as the client does. */
function reported(name: string): GatewayError {
  const recorded = errorCases.find((c) => c.name === name);
  if (!recorded) throw new Error(`no case ${name}`);
  const call = { model: recorded.model ?? '', method: recorded.method ?? '', secrets: ['s3cret-key'] };
  const error = json2ErrorOf(replyOf(recorded), call);
  return error instanceof OdooFault ? classifyFault(error) : error;
}

describe('json2ErrorOf over every error Odoo 19.0 sent on JSON-2', () => {
  it('when the transcript is read, then every recorded error has an expectation', () => {
    expect(errorCases.map((c) => c.name).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))(
    'when Odoo answers the recorded %s, then the caller gets the expected status, code and message',
    (name, [status, code, message]) => {
      const error = reported(name);
      expect({ status: error.status, code: error.code }).toEqual({ status, code });
      expect(error.message).toMatch(message);
    },
  );

  it.each(Object.keys(expected))(
    'when Odoo answers %s, then no traceback, HTML or secret reaches the message',
    (name) => {
      expect(reported(name).message).not.toMatch(/Traceback|File "|<|debug|s3cret-key|\n/);
    },
  );

  it('when the key is refused, then the transport raises an AccessDenied fault, so that the client logs in once more', () => {
    const recorded = errorCases.find((c) => c.name === 'error_401_wrong_key');
    const error = json2ErrorOf(replyOf(recorded as NonNullable<typeof recorded>), {
      model: 'res.partner',
      method: 'search_count',
      secrets: [],
    });
    expect(error).toBeInstanceOf(OdooFault);
    expect((error as OdooFault).faultCode).toBe(3);
  });

  it('when a model is missing, then the error is its own class naming the model, so config checks can tell it apart', () => {
    const error = reported('error_404_unknown_model');
    expect(error).toBeInstanceOf(OdooModelMissingError);
    expect((error as OdooModelMissingError).model).toBe('no.such.model');
  });

  it('when a proxy answers an HTML 502 page, then it is a 502 that does not quote the page', () => {
    const error = json2ErrorOf(
      { status: 502, contentType: 'text/html', body: '<html>Bad gateway</html>', setCookie: [] },
      { model: 'res.partner', method: 'read', secrets: [] },
    ) as GatewayError;
    expect({ status: error.status, message: error.message }).toEqual({
      status: 502,
      message: 'Odoo answered with HTTP 502 and a non-JSON-2 body',
    });
  });
});
