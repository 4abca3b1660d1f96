import { renderTable } from '../../bench/report/table';
import { checkTransportTargets } from '../../bench/report/transport-targets';
import type { SideResult } from '../../bench/rows/crud-row';
import type { TransportOpResult, TransportRun, TransportsRowResult } from '../../bench/rows/transports-row';

const side = (p50Ms: number, calls: number): SideResult => ({
  requests: 40,
  seconds: 2,
  rps: 20,
  p50Ms,
  p99Ms: p50Ms * 1.5,
  meanMs: p50Ms,
  errors: 0,
  errorSamples: [],
  odooCallsPerRequest: calls,
});

/** One transport's GET one and GET list, the gateway at `ratio` × the naive client's p50. */
function run(
  transport: TransportRun['transport'],
  ratios: { 'get-one': number; list: number },
  gatewayCalls = 1,
): TransportRun {
  const op = (id: TransportOpResult['op'], label: string, naiveMs: number, naiveCalls: number) => ({
    op: id,
    label,
    gateway: side(naiveMs * ratios[id], gatewayCalls),
    naive: side(naiveMs, naiveCalls),
    vsNaive: { rps: 1 / ratios[id], p50: ratios[id], p99: ratios[id] },
    calls: {},
  });
  return {
    transport,
    odoo: transport === 'json2' ? 'Odoo 19, several databases' : 'Odoo 18, several databases',
    ops: [op('get-one', 'GET one', 80, 3), op('list', 'GET list (100)', 80, 5)],
  };
}

function row(runs: TransportRun[], applied = true): TransportsRowResult {
  return {
    kind: 'transports',
    latencyMs: 10,
    statelessMs: 30,
    readPlan: { asked: 'auto', applied },
    connections: 1,
    runs,
  };
}

const verdicts = (result: TransportsRowResult | undefined) =>
  Object.fromEntries(checkTransportTargets(result).map((check) => [check.id, check.verdict]));

describe('transports row targets', () => {
  test('when every transport makes one call and session and JSON-2 are fast enough, then every target is met', () => {
    const result = row([
      run('xmlrpc', { 'get-one': 0.5, list: 0.45 }),
      run('jsonrpc', { 'get-one': 0.5, list: 0.45 }),
      run('session', { 'get-one': 0.2, list: 0.15 }),
      run('json2', { 'get-one': 0.25, list: 0.2 }),
    ]);
    const checks = checkTransportTargets(result);
    expect(verdicts(result)).toEqual({
      'transport-calls': 'met',
      'transport-get-one': 'met',
      'transport-list': 'met',
    });
    expect(checks[0]?.measured).toBe('1 call each on xmlrpc, jsonrpc, session, json2');
    expect(checks[1]?.measured).toBe('session 0.200×, json2 0.250×');
  });

  test('when the stateless wires are slower than the ratio, then that does not miss the targets of session and JSON-2', () => {
    const result = row([
      run('xmlrpc', { 'get-one': 0.9, list: 0.9 }),
      run('session', { 'get-one': 0.3, list: 0.3 }),
    ]);
    expect(verdicts(result)).toMatchObject({ 'transport-get-one': 'met', 'transport-list': 'met' });
  });

  test('when GET one over a session is above 0.35× the naive calls, then it is missed and the failing figure is shown', () => {
    const result = row([
      run('session', { 'get-one': 0.36, list: 0.2 }),
      run('json2', { 'get-one': 0.3, list: 0.2 }),
    ]);
    const getOne = checkTransportTargets(result).find((check) => check.id === 'transport-get-one');
    expect(getOne).toMatchObject({ verdict: 'missed', measured: 'session 0.360×' });
    expect(verdicts(result)['transport-list']).toBe('met');
  });

  test('when GET list is above 0.3×, then the list target is missed', () => {
    const result = row([run('json2', { 'get-one': 0.3, list: 0.31 })]);
    expect(verdicts(result)['transport-list']).toBe('missed');
  });

  test('when a transport still reads with the classic plan, then the call target is missed and names its counts', () => {
    const result = row([
      run('xmlrpc', { 'get-one': 0.5, list: 0.5 }, 3),
      run('session', { 'get-one': 0.2, list: 0.1 }),
    ]);
    const calls = checkTransportTargets(result).find((check) => check.id === 'transport-calls');
    expect(calls).toMatchObject({
      verdict: 'missed',
      measured: 'xmlrpc GET one 3 calls, xmlrpc GET list (100) 3 calls',
    });
  });

  test('when the row did not run or the server refused session and JSON-2, then those targets are not measured, never met', () => {
    const notMeasured = {
      'transport-calls': 'not measured',
      'transport-get-one': 'not measured',
      'transport-list': 'not measured',
    };
    expect(verdicts(undefined)).toEqual(notMeasured);
    const refused = { ops: [], skipped: 'the gateway answered 503: Odoo refused the login' };
    expect(verdicts(row([{ ...run('session', { 'get-one': 0.1, list: 0.1 }), ...refused }]))).toEqual(
      notMeasured,
    );
    const onlyStateless = verdicts(row([run('xmlrpc', { 'get-one': 0.2, list: 0.2 })]));
    expect(onlyStateless['transport-get-one']).toBe('not measured');
  });

  test('when the row is rendered, then each wire sits beside the naive client with its calls and ratio, skips and the read plan are said', () => {
    const skipped: TransportRun = {
      transport: 'json2',
      odoo: 'Odoo 19, several databases',
      skipped: 'the gateway answered 503: JSON-2 needs an API key',
      ops: [],
    };
    const result = row([run('session', { 'get-one': 0.25, list: 0.125 }), skipped], false);
    const table = renderTable([result], true, checkTransportTargets(result));
    expect(table).toMatch(
      /\| Transports · Odoo 18, several databases · 10 ms\/call \+ 30 ms stateless · 1 conn\. +\| GET one over session vs naive XML-RPC: p50 \(p99\) ms, Odoo calls +\| 20\.00 \(30\.00\) · 1 call +\| 80\.00 \(120\.00\) · 3 calls +\| 0\.25× +\|/,
    );
    expect(table).toMatch(
      /\| GET list \(100\) over session .*\| 10\.00 \(15\.00\) · 1 call +\| 80\.00 \(120\.00\) · 5 calls +\| 0\.13× +\|/,
    );
    expect(table).toMatch(
      /\| Transports · Odoo 19, several databases .*\| JSON-2: skipped +\| the gateway answered 503: JSON-2 needs an API key +\|/,
    );
    expect(table).toMatch(/\| gateway read plan +\| classic \(this gateway has no odoo\.read_plan\) +\|/);
    expect(new Set(table.split('\n').map((line) => line.length)).size).toBe(1);
  });
});
