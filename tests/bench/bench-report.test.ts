import { END_MARK, START_MARK, replaceResultsBlock } from '../../bench/report/docs-block';
import { renderTable } from '../../bench/report/table';
import { RowResult, checkTargets } from '../../bench/report/targets';
import type { CrudRowResult } from '../../bench/rows/crud-row';
import type { SyncRowResult } from '../../bench/rows/sync-row';

const side = (rps: number, p50Ms: number) => ({
  requests: rps * 4,
  seconds: 4,
  rps,
  p50Ms,
  p99Ms: p50Ms * 2,
  meanMs: p50Ms,
  errors: 0,
  errorSamples: [],
  odooCallsPerRequest: 3,
});

function crud(latencyMs: number, p50Ratio: number, rpsVsExpress: number): CrudRowResult {
  return {
    kind: 'crud',
    op: 'get-one',
    label: 'GET one',
    latencyMs,
    connections: 4,
    gateway: side(100, 22),
    express: side(120, 21),
    direct: side(110, 20),
    vsDirect: { rps: 0.9, p50: p50Ratio, p99: 1.2 },
    vsExpress: { rps: rpsVsExpress, p50: 1.05, p99: 1.1 },
    callsOfOneRequest: {},
    sameCallsAsGateway: true,
  };
}

function sync(batch: SyncRowResult['batch'], vsSingles?: number): SyncRowResult {
  return {
    kind: 'sync',
    latencyMs: 10,
    records: 1000,
    batch,
    singles: { seconds: 40, odooCalls: 4000, odooCallsPerRecord: 4 },
    naive: { seconds: 35, odooCalls: 3000, odooCallsPerRecord: 3 },
    batchSpeedup: { vsSingles, vsNaive: vsSingles },
  };
}

/** The crud, sync and memory targets (the transports row's have their own tests). */
const verdicts = (rows: RowResult[], simulated = true) =>
  Object.fromEntries(
    checkTargets(rows, simulated)
      // The transports, store and push rows' targets have suites of their own.
      .filter((check) => !/^(transport|store|push)-/.test(check.id))
      .map((check) => [check.id, check.verdict]),
  );

describe('bench targets and table', () => {
  test('when every figure is inside its target, then every target is met', () => {
    const rows: RowResult[] = [
      crud(0, 1.5, 0.7),
      crud(10, 1.08, 0.9),
      sync({ seconds: 1, odooCalls: 4, odooCallsPerRecord: 0.004 }, 40),
      { kind: 'memory', idleMb: 70, load: side(50, 10) },
    ];
    expect(verdicts(rows)).toEqual({
      'p50-overhead': 'met',
      'rps-vs-express': 'met',
      'batch-sync': 'met',
      'idle-memory': 'met',
    });
  });

  test('when one row misses, then its target is missed and the failing figure is the one shown', () => {
    const checks = checkTargets([crud(0, 1.0, 0.5), crud(10, 1.3, 0.9)], true);
    const p50 = checks.find((check) => check.id === 'p50-overhead');
    expect(p50).toMatchObject({ verdict: 'missed', measured: 'GET one 1.300×' });
    expect(checks.find((check) => check.id === 'rps-vs-express')).toMatchObject({
      verdict: 'missed',
      measured: 'GET one 50%',
    });
  });

  test('when batches are not available or rows did not run, then those targets are "not measured", never met', () => {
    const rows: RowResult[] = [sync({ unavailable: 'batch not available: the gateway answered 400' })];
    expect(verdicts(rows)).toEqual({
      'p50-overhead': 'not measured',
      'rps-vs-express': 'not measured',
      'batch-sync': 'not measured',
      'idle-memory': 'not measured',
    });
  });

  test('when the run was against a real Odoo, then the simulated-latency targets are not measured', () => {
    expect(verdicts([crud(0, 1.0, 0.9)], false)['p50-overhead']).toBe('not measured');
  });

  test('when the table is rendered, then each figure sits next to its reference and the ratio, and targets close it', () => {
    const rows: RowResult[] = [
      crud(10, 1.1, 0.83),
      sync({ seconds: 1.25, odooCalls: 4, odooCallsPerRecord: 0.004 }, 32),
    ];
    const table = renderTable(rows, true, checkTargets(rows, true));
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| Row +\| Measure +\| Gateway +\| Reference +\| Gateway ÷ reference \|$/);
    expect(table).toMatch(
      /\| GET one · 10 ms Odoo · 4 conn\. +\| req\/s vs direct XML-RPC +\| 100 +\| 110 +\| 0\.90× +\|/,
    );
    expect(table).toMatch(/\| +\| p50 ms vs direct XML-RPC +\| 22\.00 +\| 20\.00 +\| 1\.10× +\|/);
    expect(table).toMatch(
      /wall time: batch POST vs 1,000 single POSTs +\| 1\.25 s +\| 40\.00 s +\| 32× faster/,
    );
    expect(table).toMatch(
      /Odoo calls: batch POST vs 1,000 single POSTs +\| 4 \(0\.004\/record\) +\| 4,000 \(4\/record\)/,
    );
    expect(table).toMatch(/\| Targets \(issue\) +\|.*\| MET +\|/);
    expect(table).toMatch(/\| +\| GET one: gateway p50 ≤ 0\.35× .*\| not measured +\|/);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });
});

describe('bench results block in the docs', () => {
  test('when the markers are present, then only the text between them is replaced', () => {
    const text = `# Benchmarks\nintro\n${START_MARK}\nold table\n${END_MARK}\nafter\n`;
    expect(replaceResultsBlock(text, '| new |\n')).toBe(
      `# Benchmarks\nintro\n${START_MARK}\n\n| new |\n\n${END_MARK}\nafter\n`,
    );
  });

  test('when a marker is missing, then nothing is replaced', () => {
    expect(replaceResultsBlock(`# README\n${START_MARK}\nno end`, 'x')).toBeUndefined();
  });
});
