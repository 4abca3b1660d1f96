import {
  classifyFault,
  CREDENTIALS_REFUSED_MESSAGE,
  jsonRpcErrorToFault,
} from '../../../src/odoo/classify-fault';
import { readEnvelope } from '../../../src/odoo/jsonrpc-transport';
import { OdooFault } from '../../../src/odoo/rpc-transport';
import { parseMethodResponse } from '../../../src/odoo/xmlrpc-transport';
import recorded from './fixtures/odoo-18.0-faults.json';

interface RecordedCase {
  name: string;
  protocol: string;
  response_body?: string;
  response?: unknown;
}

const cases = recorded.cases as RecordedCase[];

/** A model Odoo does not have is the gateway's configuration fault: a 503 for ops, as on JSON-2 and session. */
const MODEL_MISSING =
  "The model no.such.model doesn't exist in Odoo: check the gateway's mappings, or install the Odoo module that defines it";

/** What a caller must see for each fault Odoo 18 really sent. */
const expected: Record<string, [number, string, string]> = {
  authenticate_unknown_db: [
    503,
    'ODOO_UNAVAILABLE',
    "Odoo database 'no_such_db' is not available (check ODOO_DB)",
  ],
  execute_kw_bad_password: [503, 'ODOO_UNAVAILABLE', CREDENTIALS_REFUSED_MESSAGE],
  // res.users(999999) with User 999999: the gateway's own uid is gone, not the caller's record.
  execute_kw_bad_uid: [503, 'ODOO_UNAVAILABLE', CREDENTIALS_REFUSED_MESSAGE],
  unknown_model: [503, 'ODOO_UNAVAILABLE', MODEL_MISSING],
  unknown_method: [
    502,
    'ODOO_ERROR',
    "The method 'no_such_method' does not exist on the model 'res.partner'",
  ],
  private_method: [
    403,
    'FORBIDDEN',
    'Private methods (such as _compute_display_name) cannot be called remotely.',
  ],
  search_read_bad_domain_field: [
    502,
    'ODOO_ERROR',
    "Invalid field res.partner.no_such_field in leaf ('no_such_field', '=', 1)",
  ],
  search_read_bad_operator: [502, 'ODOO_ERROR', "Invalid leaf ('name', '~~', 1)"],
  write_missing_id: [404, 'NOT_FOUND', 'Record does not exist or has been deleted.'],
  write_unknown_field: [502, 'ODOO_ERROR', "Invalid field 'no_such_field' on model 'res.partner'"],
  write_bad_selection: [502, 'ODOO_ERROR', "Wrong value for res.partner.company_type: 'alien'"],
  write_bad_many2one: [
    400,
    'ODOO_VALIDATION_ERROR',
    'The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.',
  ],
  create_unknown_field: [502, 'ODOO_ERROR', "Invalid field 'no_such_field' on model 'res.partner'"],
  create_missing_name: [
    400,
    'ODOO_VALIDATION_ERROR',
    'The operation cannot be completed: Contacts require a name',
  ],
  unlink_again_missing: [404, 'NOT_FOUND', 'Record does not exist or has been deleted.'],
  jsonrpc_unknown_model: [503, 'ODOO_UNAVAILABLE', MODEL_MISSING],
  jsonrpc_bad_password: [503, 'ODOO_UNAVAILABLE', CREDENTIALS_REFUSED_MESSAGE],
};

async function faultOf(recordedCase: RecordedCase): Promise<OdooFault> {
  try {
    if (recordedCase.protocol === 'xmlrpc') await parseMethodResponse(recordedCase.response_body ?? '');
    else readEnvelope(JSON.stringify(recordedCase.response));
  } catch (error) {
    if (error instanceof OdooFault) return error;
    throw error;
  }
  throw new Error(`${recordedCase.name} did not fault`);
}

describe('classifyFault over the recorded Odoo 18 faults', () => {
  it('when the fixture is read, then every recorded fault has an expectation', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    'when Odoo answers the recorded %s fault, then the caller gets the expected status, code and message',
    async (name, recordedCase) => {
      const error = classifyFault(await faultOf(recordedCase));
      const [status, code, message] = expected[name] ?? [];
      expect({ status: error.status, code: error.code, message: error.message }).toEqual({
        status,
        code,
        message,
      });
    },
  );

  it.each(cases.map((c) => [c.name, c] as const))(
    'when Odoo answers the recorded %s fault, then the message holds no traceback, path, SQL or database host',
    async (_name, recordedCase) => {
      const { message } = classifyFault(await faultOf(recordedCase));
      expect(message).not.toMatch(/Traceback|File "|\/usr\/|psycopg2|127\.0\.0\.1|port 5433|SELECT|\n/);
    },
  );
});

describe('classifyFault on faults not in the transcript', () => {
  it('when a fault holds a full Python traceback, then only its last line is kept, without paths', () => {
    const faultString = [
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3/dist-packages/odoo/http.py", line 1946, in _serve_db',
      '    return service_model.retrying(self._serve_ir_http, self.env)',
      '  File "/usr/lib/python3/dist-packages/odoo/models.py", line 5112, in create',
      'odoo.exceptions.UserError: You cannot create a partner in /opt/odoo/custom',
      '',
    ].join('\n');
    const error = classifyFault({ faultCode: 1, faultString });
    expect(error.message).toBe('You cannot create a partner in …');
  });

  it('when a fault quotes SQL, then the SQL is cut off', () => {
    const faultString =
      'Traceback (most recent call last):\n  ...\npsycopg2.errors.SyntaxError: syntax error at or near "FROM" LINE 1: SELECT "res_partner"."id" FROM "res_partner" WHERE';
    const error = classifyFault({ faultCode: 1, faultString });
    expect(error.message).toBe('syntax error at or near "FROM"');
  });

  it('when the database server is down, then the caller gets a 503 without its host or port', () => {
    const faultString =
      'Traceback (most recent call last):\npsycopg2.OperationalError: connection to server at "db.internal" (10.0.0.5), port 5432 failed: Connection refused';
    const error = classifyFault({ faultCode: 1, faultString });
    expect([error.status, error.message]).toEqual([503, 'Odoo cannot reach its database']);
  });

  it('when a fault message quotes the gateway password, then the password is masked', () => {
    const error = classifyFault({ faultCode: 2, faultString: 'Bad login s3cret-pw for admin' }, [
      's3cret-pw',
    ]);
    expect(error.message).toBe('Bad login *** for admin');
  });

  it('when the fault code is unknown, then the caller gets a 502 with the readable text', () => {
    const error = classifyFault({ faultCode: 'warning -- Warning', faultString: 'Something odd' });
    expect([error.status, error.code, error.message]).toEqual([502, 'ODOO_ERROR', 'Something odd']);
  });

  it('when a fault string is empty, then the caller gets a generic message', () => {
    expect(classifyFault({ faultCode: 1, faultString: '' }).message).toBe('Odoo reported an error');
  });
});

describe('jsonRpcErrorToFault', () => {
  it('when data.name is an AccessError, then it becomes fault 4 with the message', () => {
    const fault = jsonRpcErrorToFault({
      code: 200,
      message: 'Odoo Server Error',
      data: {
        name: 'odoo.exceptions.AccessError',
        message: 'You are not allowed to modify Contacts',
        debug: 'x',
      },
    });
    expect(fault).toEqual({ faultCode: 4, faultString: 'You are not allowed to modify Contacts' });
  });

  it('when data.name is a Python error, then it is an application error and the debug traceback is not used', () => {
    const fault = jsonRpcErrorToFault({
      code: 200,
      data: { name: 'builtins.ValueError', message: 'Invalid field', debug: 'File "/usr/lib/x.py", line 1' },
    });
    const error = classifyFault(fault);
    expect([error.status, error.message]).toEqual([502, 'Invalid field']);
  });
});
