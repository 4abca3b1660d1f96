/**
 * A smoke run of two short bench rows, in-process: the simulator and the gateway run in this process
 * (the bench itself runs them as child processes; see bench/processes/).
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import type { BenchContext } from '../../bench/bench-context';
import { tallyOf } from '../../bench/odoo/call-tally';
import { DirectXmlRpcClient } from '../../bench/odoo/direct-xmlrpc-client';
import { seedCustomers } from '../../bench/odoo/seed-customers';
import { parseOptions } from '../../bench/options';
import type { OdooTarget } from '../../bench/processes/odoo-target';
import { runCrudRow } from '../../bench/rows/crud-row';
import { runSyncRow } from '../../bench/rows/sync-row';
import { makeCustomers } from '../../bench/workloads';
import { loadConfig } from '../../src/config/load-config';
import { RunningGateway, startGateway } from '../../src/gateway';
import { createLogger } from '../../src/logging/create-logger';
import { RunningSimulator, startSimulator } from '../../src/simulator';

/** Nothing of the store is left on disk. */
const MEMORY_STORE = { type: 'memory' } as const;

const REPO_ROOT = path.resolve(__dirname, '../..');

function inProcessTarget(sim: RunningSimulator): OdooTarget {
  const { controls } = sim;
  return {
    connection: { url: sim.url, db: sim.db, username: sim.username, password: sim.password },
    simulated: true,
    setLatency: async (ms) => controls.setLatency(ms),
    calls: async () =>
      tallyOf(
        controls
          .callLog()
          .map((c) => (c.service === 'common' ? `common.${c.method}` : `${c.model}.${c.modelMethod}`)),
      ),
    clearCalls: async () => controls.clearCallLog(),
    close: () => sim.close(),
  };
}

describe('bench smoke run', () => {
  let sim: RunningSimulator;
  let gateway: RunningGateway;
  let direct: DirectXmlRpcClient;
  let context: BenchContext;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 'demo', keepAlive: true });
    const target = inProcessTarget(sim);
    const config = loadConfig({
      configPath: path.join(REPO_ROOT, 'config/gateway.yaml'),
      // As the bench runs its CRUD rows: the direct client's wire and the classic plan's calls.
      env: {
        ODOO_URL: sim.url,
        ODOO_DB: sim.db,
        ODOO_USERNAME: sim.username,
        ODOO_PASSWORD: sim.password,
        ODOO_PROTOCOL: 'xmlrpc',
        ODOO_READ_PLAN: 'classic',
      },
    });
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    gateway = await startGateway({
      store: MEMORY_STORE,
      config,
      logger: createLogger({ level: 'info', format: 'json', stream: sink }),
      port: 0,
    });
    direct = new DirectXmlRpcClient(target.connection, 8);
    const seeded = makeCustomers('SMOKE-SEED', 5);
    await seedCustomers(direct.exec, seeded);
    const options = {
      ...parseOptions(['--quick', '--duration', '0.3', '--sync-size', '20']),
      warmupS: 0.1,
      connections: 2,
    };
    context = {
      options,
      target,
      gateway: {
        url: gateway.url,
        pid: process.pid,
        spawnedAt: 0,
        readyMs: 0,
        rssMb: () => undefined,
        stop: gateway.close,
      },
      direct,
      headers: { authorization: 'Bearer shop-secret-token', 'content-type': 'application/json' },
      runTag: 'SMOKE',
      seededRefs: seeded.map((customer) => customer.customer_id),
      maxConcurrency: 8,
      progress: () => undefined,
    };
  });

  afterAll(async () => {
    direct.close();
    await gateway.close();
    await sim.close();
  });

  test('when the GET one row runs, then both sides serve requests without errors and make the same Odoo calls', async () => {
    const row = await runCrudRow(context, 'get-one', 0);
    expect(row.gateway.requests).toBeGreaterThan(0);
    expect(row.direct.requests).toBeGreaterThan(0);
    expect(row.gateway.errors + row.direct.errors).toBe(0);
    expect(row.sameCallsAsGateway).toBe(true);
    expect(row.gateway.odooCallsPerRequest).toBe(3);
    expect(row.vsDirect.rps).toBeGreaterThan(0);
  });

  test('when the POST one row runs, then every request creates a new customer (no identifier is reused)', async () => {
    const row = await runCrudRow(context, 'post', 0);
    expect(row.gateway.errors + row.direct.errors).toBe(0);
    expect(row.callsOfOneRequest.gateway?.byMethod['res.partner.create']).toBe(1);
    expect(row.sameCallsAsGateway).toBe(true);
  });

  test('when the sync row runs, then the batch makes a handful of Odoo calls and the others a few per record', async () => {
    const row = await runSyncRow(context, 0);
    expect(row.batch.unavailable).toBeUndefined();
    expect(row.batch.odooCalls).toBeLessThanOrEqual(5);
    expect(row.singles.odooCallsPerRecord).toBe(4);
    expect(row.naive.odooCallsPerRecord).toBe(3);
    expect(row.batchSpeedup.vsSingles).toBeGreaterThan(1);
  });
});
