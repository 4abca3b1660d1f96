import type { ConsistencyReport } from '../../../src/ops/consistency-types';
import { formatConsistencyProblem, protocolLine, reportSummary } from '../../../src/ops/report-text';

const problem = {
  file: 'config/endpoints/customers.yaml',
  line: 14,
  key: 'fields[2].field',
  message: 'res.partner has no field "emial"',
  hint: 'did you mean "email"?',
};

function report(ok: boolean, severities: Array<'error' | 'warning'>): ConsistencyReport {
  return {
    ok,
    odoo: {
      reachable: true,
      protocol: 'xmlrpc',
      protocol_reason: 'set in gateway.yaml',
      version: '18.0',
      uid: 2,
      round_trip_ms: 3,
    },
    endpoints: [
      {
        endpoint: 'customers',
        model: 'res.partner',
        model_exists: true,
        access: { read: true, create: true, write: true, unlink: null },
        problems: severities.map((severity) => ({ ...problem, severity })),
      },
    ],
    mappings: [],
  };
}

describe('report text', () => {
  it('when an error is formatted, then it reads file:line key: message (hint)', () => {
    expect(formatConsistencyProblem({ ...problem, severity: 'error' })).toBe(
      'config/endpoints/customers.yaml:14 fields[2].field: res.partner has no field "emial" (did you mean "email"?)',
    );
  });

  it('when a warning is formatted, then it is marked as one', () => {
    expect(formatConsistencyProblem({ ...problem, severity: 'warning', hint: undefined })).toBe(
      'warning: config/endpoints/customers.yaml:14 fields[2].field: res.partner has no field "emial"',
    );
  });

  it('when the report is ok or not, then the summary says so with the counts', () => {
    expect(reportSummary(report(true, ['warning']))).toBe(
      'Connection OK: Odoo 18.0, 1 endpoint and 0 mappings consistent with it (0 errors, 1 warning)',
    );
    expect(reportSummary(report(false, ['error', 'error']))).toBe(
      'Odoo is reachable but the configuration does not match it: 2 errors, 0 warnings (1 endpoint and 0 mappings checked)',
    );
  });

  it('when Odoo could not be checked, then the summary is the Odoo error', () => {
    const down: ConsistencyReport = {
      ok: false,
      odoo: {
        reachable: false,
        protocol: 'auto',
        protocol_reason: 'not settled: Odoo unreachable',
        error: 'Odoo is not reachable (connection refused)',
      },
      endpoints: [],
      mappings: [],
    };
    expect(reportSummary(down)).toBe('Odoo is not reachable (connection refused)');
    expect(protocolLine(down.odoo)).toBe('Protocol: auto (not settled: Odoo unreachable)');
  });

  it('when the protocol was chosen, then the protocol line names it and why', () => {
    expect(protocolLine(report(true, []).odoo)).toBe('Protocol: xmlrpc (set in gateway.yaml)');
  });
});
