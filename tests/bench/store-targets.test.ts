import path from 'node:path';
import YAML from 'yaml';
import { parseOptions } from '../../bench/options';
import { storeConfigText } from '../../bench/processes/store-config';
import { renderTable } from '../../bench/report/table';
import { checkStoreTargets } from '../../bench/report/store-targets';
import type { StoreRowResult } from '../../bench/rows/store-row';
import type { StoreSideResult } from '../../bench/rows/store-sides';

const calls = { total: 4, byMethod: { 'res.partner.create': 1, 'res.partner.search_read': 1 } };

function side(store: StoreSideResult['store'], p50Ms: number, memoryP50Ms = 40): StoreSideResult {
  return {
    store,
    requests: 100,
    seconds: 4,
    rps: 25,
    p50Ms,
    p99Ms: p50Ms * 1.2,
    meanMs: p50Ms,
    errors: 0,
    errorSamples: [],
    odooCallsPerRequest: 4,
    calls,
    idleMb: store === 'embedded' ? 88.4 : 80.1,
    vsMemory: { p50: Math.round((p50Ms / memoryP50Ms) * 1000) / 1000, p99: p50Ms / memoryP50Ms },
  };
}

function row(embeddedP50Ms: number, overrides: Partial<StoreRowResult> = {}): StoreRowResult {
  return {
    kind: 'store',
    label: 'POST one',
    latencyMs: 10,
    connections: 1,
    sides: [side('memory', 40), side('embedded', embeddedP50Ms)],
    sameCalls: true,
    ...overrides,
  };
}

const byId = (result: StoreRowResult | undefined) =>
  Object.fromEntries(checkStoreTargets(result).map((check) => [check.id, check]));

describe('store row targets', () => {
  test('when the embedded store is within 5% of memory and idles under 100 MB, then both targets are met', () => {
    const checks = byId(row(41.92));
    expect(checks['store-p50']).toMatchObject({
      verdict: 'met',
      measured: '1.048× memory (41.92 vs 40.00 ms)',
    });
    expect(checks['store-idle-memory']).toMatchObject({ verdict: 'met', measured: '88.4 MB' });
  });

  test('when the embedded store adds more than 5% to p50, then the p50 target is missed', () => {
    expect(byId(row(42.2))['store-p50']?.verdict).toBe('missed');
  });

  test('when the embedded gateway idles at 100 MB or more, then the memory target is missed', () => {
    const heavy = row(40, { sides: [side('memory', 40), { ...side('embedded', 40), idleMb: 100 }] });
    expect(byId(heavy)['store-idle-memory']).toMatchObject({ verdict: 'missed', measured: '100 MB' });
  });

  test('when a side failed requests or the sides made different Odoo calls, then the p50 target is missed, never met on figures that mean nothing', () => {
    const failing = row(40, { sides: [side('memory', 40), { ...side('embedded', 0), errors: 7 }] });
    expect(byId(failing)['store-p50']).toMatchObject({ verdict: 'missed', measured: '7 failed requests' });
    expect(byId(row(40, { sameCalls: false }))['store-p50']?.verdict).toBe('missed');
  });

  test('when the row did not run or ran against a real Odoo, then the p50 target is not measured', () => {
    expect(byId(undefined)['store-p50']?.verdict).toBe('not measured');
    expect(byId(undefined)['store-idle-memory']?.verdict).toBe('not measured');
    expect(byId(row(40, { latencyMs: undefined }))['store-p50']?.verdict).toBe('not measured');
  });

  test('when the row is rendered, then each store sits beside memory with its ratio, calls, idle RSS and a skipped PostgreSQL', () => {
    const result = row(42, { postgresSkipped: 'PostgreSQL at postgres://x/ not usable: refused' });
    const table = renderTable([result], true, checkStoreTargets(result));
    expect(table).toMatch(
      /\| Store · POST one · 10 ms Odoo · 1 conn\. +\| p50 ms: embedded \(SQLite file\) vs memory store +\| 42\.00 +\| 40\.00 +\| 1\.05× +\|/,
    );
    expect(table).toMatch(/\| Odoo calls per request, embedded vs memory \(same calls\) +\| 4 +\| 4 +\|/);
    expect(table).toMatch(
      /\| idle RSS after the first request, embedded vs memory +\| 88\.4 MB +\| 80\.1 MB +\| 1\.10× +\|/,
    );
    expect(table).toMatch(
      /\| PostgreSQL: skipped +\| PostgreSQL at postgres:\/\/x\/ not usable: refused +\|/,
    );
    expect(table).toMatch(
      /embedded store adds ≤ 5% to POST p50 at 10 ms Odoo latency +\| 1\.050× memory .*\| MET +\|/,
    );
    expect(new Set(table.split('\n').map((line) => line.length)).size).toBe(1);
  });
});

describe('the store row gateways and options', () => {
  const shipped = [
    'store:',
    '  type: embedded # comment kept',
    '  path: ${STORE_PATH:-./data}',
    'endpoints_dir: endpoints',
    '',
  ].join('\n');

  test('when the memory side copies the config, then only store.type changes and endpoints_dir points at the original folder', () => {
    const copy = YAML.parse(storeConfigText(shipped, '/repo/config', { type: 'memory' }));
    expect(copy).toEqual({
      store: { type: 'memory', path: '${STORE_PATH:-./data}' },
      endpoints_dir: path.resolve('/repo/config', 'endpoints'),
    });
  });

  test('when the embedded side copies the config, then its SQLite folder is the temp one', () => {
    const copy = YAML.parse(storeConfigText(shipped, '/repo/config', { type: 'embedded', path: '/tmp/x' }));
    expect(copy.store).toEqual({ type: 'embedded', path: '/tmp/x' });
  });

  test('when BENCH_POSTGRES_URL is off, unset or not a postgres URL, then the row leaves PostgreSQL out, uses the local server, or refuses', () => {
    expect(parseOptions([], { BENCH_POSTGRES_URL: 'off' }).storePostgresUrl).toBeUndefined();
    expect(parseOptions([], {}).storePostgresUrl).toBe('postgres://postgres@127.0.0.1:5432/postgres');
    expect(() => parseOptions([], { BENCH_POSTGRES_URL: 'mysql://db' })).toThrow(/postgres:\/\/ URL, or off/);
    expect(parseOptions(['--rows', 'store']).rows).toEqual(new Set(['store']));
  });
});
