/**
 * "Several replicas, one truth": three gateway processes on one PostgreSQL store in front of one Odoo
 * (the simulator). Racing writes of one identifier, an Idempotency-Key retried on every replica, a
 * replica SIGKILLed in the middle of a write, a rate limit across replicas, and one audit query over
 * all of them. Without a reachable PostgreSQL this suite is skipped with a notice (CI=true fails it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RunningSimulator, startSimulator } from '../../src/simulator';
import {
  BackendUnderTest,
  describeWithPostgres,
  noticeSkippedPostgres,
  postgresBackend,
} from '../support/store-backends';
import { REPO_ROOT, SHOP_AUTH } from './support/gateway-harness';
import { GatewayProcess, startGatewayProcess } from './support/gateway-process';

const RATE_LIMIT = 5;
const LEASE_SECONDS = 3;

noticeSkippedPostgres('replicas-postgres');
jest.setTimeout(240_000);

describeWithPostgres('three replicas on one PostgreSQL store', () => {
  let sim: RunningSimulator;
  let database: BackendUnderTest;
  let configDir: string;
  let replicas: GatewayProcess[] = [];
  let clients = 0;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 'demo', keepAlive: true });
    database = await postgresBackend();
    configDir = writeReplicaConfig();
    const env = {
      GATEWAY_CONFIG: path.join(configDir, 'gateway.yaml'),
      ODOO_URL: sim.url,
      ODOO_DB: sim.db,
      ODOO_USERNAME: sim.username,
      ODOO_PASSWORD: sim.password,
      STORE_URL: database.settings.url ?? '',
      RATE_LIMIT_MAX: String(RATE_LIMIT),
      TRUST_PROXY: 'true', // the test's clients are told apart by X-Forwarded-For
    };
    const started = await Promise.allSettled([0, 1, 2].map(() => startGatewayProcess(env)));
    replicas = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.kill('SIGTERM')));
    await sim?.close();
    await database?.cleanup();
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  /** Each call is its own client for the rate limit (X-Forwarded-For), unless one is named. */
  function send(
    replica: GatewayProcess,
    method: string,
    pathAndQuery: string,
    options: { body?: unknown; headers?: Record<string, string>; client?: string } = {},
  ): Promise<Response> {
    return fetch(`${replica.url}${pathAndQuery}`, {
      method,
      headers: {
        ...SHOP_AUTH,
        'X-Forwarded-For': options.client ?? `10.1.${Math.floor(++clients / 250)}.${clients % 250}`,
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  }

  async function recordsNamed(customerId: string): Promise<number> {
    const res = await send(replicas[0]!, 'GET', `/bj_api_sync/v1/customers?customer_id=${customerId}`);
    return ((await res.json()) as { total: number }).total;
  }

  const createsOf = (customerId: string) =>
    sim.controls
      .callLog()
      .filter((call) => call.modelMethod === 'create' && JSON.stringify(call.args).includes(customerId));

  test('when 20 POSTs of one identifier race across the replicas, then one record exists', async () => {
    sim.controls.setLatency(20);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(replicas[i % 3]!, 'POST', '/bj_api_sync/v1/customers', {
          body: { customer_id: 'RACE-1', name: 'Racer' },
          headers: { 'X-Request-ID': `race-r${i % 3}-${i}` },
        }),
      ),
    );
    sim.controls.setLatency(0);
    const statuses = answers.map((res) => res.status).sort();
    process.stdout.write(`racing POSTs: ${JSON.stringify(statuses)}\n`);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    expect(await recordsNamed('RACE-1')).toBe(1);
    expect(createsOf('RACE-1')).toHaveLength(1);
  });

  test('when one Idempotency-Key is sent to every replica, then Odoo gets one write and every answer is the same', async () => {
    sim.controls.setLatency(100);
    const once = (replica: GatewayProcess) =>
      send(replica, 'POST', '/bj_api_sync/v1/customers', {
        body: { customer_id: 'IDEM-1', name: 'Once' },
        headers: { 'Idempotency-Key': 'replicas-key-1' },
      });
    const concurrent = await Promise.all(replicas.map(once));
    sim.controls.setLatency(0);
    const retried = [];
    for (const replica of replicas) retried.push(await once(replica));
    const answers = [...concurrent, ...retried];
    const bodies = await Promise.all(answers.map((res) => res.text()));
    process.stdout.write(`idempotent answers: ${JSON.stringify(answers.map((res) => res.status))}\n`);
    expect(answers.every((res) => res.status === 201)).toBe(true);
    expect(new Set(bodies).size).toBe(1);
    expect(answers.filter((res) => res.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
    expect(createsOf('IDEM-1')).toHaveLength(1);
  });

  test('when a replica is killed in the middle of a write, then a retry on another replica creates no duplicate', async () => {
    const victim = replicas[2]!;
    sim.controls.setLatency(1500);
    const body = { customer_id: 'KILL-1', name: 'Killed mid-write' };
    const headers = { 'Idempotency-Key': 'replicas-kill-1' };
    const inFlight = send(victim, 'POST', '/bj_api_sync/v1/customers', { body, headers }).then(
      () => 'answered',
      () => 'connection lost',
    );
    const deadline = Date.now() + 20_000;
    while (createsOf('KILL-1').length === 0 && Date.now() < deadline) await sleep(10);
    expect(createsOf('KILL-1')).toHaveLength(1); // Odoo has the create; its answer is still on the way
    await victim.kill('SIGKILL');
    expect(await inFlight).toBe('connection lost');
    sim.controls.setLatency(0);

    // Without the key, the identifier lock (freed by PostgreSQL with the dead connection) and the
    // lookup find the record; with it, the retry takes the dead attempt over once its lease ends.
    const plain = await send(replicas[0]!, 'POST', '/bj_api_sync/v1/customers', { body });
    await sleep(LEASE_SECONDS * 1000);
    const keyed = await send(replicas[1]!, 'POST', '/bj_api_sync/v1/customers', { body, headers });
    process.stdout.write(`after SIGKILL: retry without key ${plain.status}, with key ${keyed.status}\n`);
    expect(plain.status).toBe(409);
    expect(keyed.status).toBeLessThan(300);
    expect(await recordsNamed('KILL-1')).toBe(1);
    expect(createsOf('KILL-1')).toHaveLength(1);
  });

  test('when one client sends more than the limit across the replicas, then the limit holds in total', async () => {
    const live = replicas.slice(0, 2);
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT * 3; i++) {
      const res = await send(live[i % live.length]!, 'GET', '/bj_api_sync/v1/customers/C-1001', {
        client: '10.9.9.9',
      });
      statuses.push(res.status);
    }
    process.stdout.write(`rate limit ${RATE_LIMIT} across replicas: ${JSON.stringify(statuses)}\n`);
    expect(statuses.filter((status) => status === 200)).toHaveLength(RATE_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(RATE_LIMIT * 2);
  });

  test('when the audit trail is queried on one replica, then it holds the rows of every replica', async () => {
    const deadline = Date.now() + 10_000;
    let rows: Array<{ request_id: string }> = [];
    while (Date.now() < deadline) {
      const res = await send(replicas[0]!, 'GET', '/bj_api_sync/audit?identifier=RACE-1&limit=100');
      rows = ((await res.json()) as { data: Array<{ request_id: string }> }).data;
      if (rows.length >= 20) break;
      await sleep(100);
    }
    const byReplica = new Set(rows.map((row) => /^race-(r\d)-/.exec(row.request_id)?.[1]));
    process.stdout.write(`audit rows for RACE-1: ${rows.length}, from ${[...byReplica].sort().join(', ')}\n`);
    expect(rows).toHaveLength(20);
    expect(byReplica).toEqual(new Set(['r0', 'r1', 'r2']));
  });
});

/** The shipped configuration with a short lease. */
function writeReplicaConfig(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-replicas-'));
  fs.cpSync(path.join(REPO_ROOT, 'config'), dir, { recursive: true });
  const file = path.join(dir, 'gateway.yaml');
  const text = fs.readFileSync(file, 'utf8').replace('lease_seconds: 600', `lease_seconds: ${LEASE_SECONDS}`);
  fs.writeFileSync(file, text);
  return dir;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
