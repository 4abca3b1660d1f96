/**
 * The outbound push across processes, as production runs it (src/index.ts, environment only):
 * a gateway SIGKILLed while its POST hangs, restarted on the same embedded store, loses nothing; two
 * replicas on one PostgreSQL store send each change once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { RunningSimulator, startSimulator } from '../../src/simulator';
import {
  BackendUnderTest,
  describeWithPostgres,
  noticeSkippedPostgres,
  postgresBackend,
} from '../support/store-backends';
import { GatewayProcess, startGatewayProcess } from './support/gateway-process';
import { OUTBOUND_SECRET, pushingConfig } from './support/outbound-config';
import { Receiver, defaultAnswer, startReceiver } from './support/outbound-receiver';
import { SIMULATOR_GATEWAY_YAML, TempConfig } from './support/temp-config';
import { sleep, waitFor } from './support/waiting';

noticeSkippedPostgres('outbound-processes');
jest.setTimeout(120_000);

const OUTBOUND = '  interval_s: 1\n  timeout_ms: 2000\n  backoff: { initial_ms: 200, max_ms: 1000 }\n';

let sim: RunningSimulator;
let receiver: Receiver;
let config: TempConfig;
let storeDir: string;
let gateways: GatewayProcess[] = [];
let serial = 0;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', keepAlive: true });
  receiver = await startReceiver(OUTBOUND_SECRET);
  config = pushingConfig(OUTBOUND);
  // The embedded store in a folder of the test's, not under the checkout's ./data.
  fs.writeFileSync(config.configPath, `${SIMULATOR_GATEWAY_YAML}store:\n  path: \${STORE_PATH}\n`);
  storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbound-store-'));
});
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.kill('SIGKILL')));
  await receiver?.close();
  await sim?.close();
  config?.remove();
  if (storeDir) fs.rmSync(storeDir, { recursive: true, force: true });
});
beforeEach(() => {
  receiver.answer = defaultAnswer;
});

function start(env: Record<string, string> = {}): Promise<GatewayProcess> {
  const started = startGatewayProcess({
    GATEWAY_CONFIG: config.configPath,
    ODOO_URL: sim.url,
    ODOO_DB: sim.db,
    ODOO_USERNAME: sim.username,
    ODOO_PASSWORD: sim.password,
    RECEIVER_URL: receiver.url,
    OUTBOUND_SECRET,
    STORE_PATH: storeDir,
    ...env,
  });
  return started.then((gateway) => {
    gateways.push(gateway);
    return gateway;
  });
}

/** Until the first poll has set the cursor to "now" (changes before it are not pushed). */
async function polling(gateway: GatewayProcess): Promise<void> {
  await waitFor(async () => {
    const res = await request(gateway.url).get('/bj_api_sync/outbound');
    return res.body.data?.[0]?.cursor_age_seconds != null;
  }, 30_000);
}

function createCustomer(): string {
  const ref = `PROC-${++serial}`;
  sim.controls.odoo.create('res.partner', [{ name: `Process ${serial}`, ref, customer_rank: 1 }]);
  return ref;
}

const requestsFor = (ref: string) =>
  receiver.received.filter((r) => r.body.events.some((event) => event.record.ref === ref));

test('when the gateway is killed while its POST hangs and is restarted, then that change and the ones made meanwhile are delivered', async () => {
  receiver.answer = () => 'hang';
  const first = await start();
  await polling(first);
  const hung = createCustomer();
  await waitFor(async () => requestsFor(hung).length === 1, 10_000);

  await first.kill('SIGKILL');
  receiver.answer = defaultAnswer;
  const meanwhile = createCustomer();
  await sleep(500);
  const second = await start();

  await waitFor(async () => requestsFor(hung).length >= 2 && requestsFor(meanwhile).length >= 1, 30_000);
  const [sentBefore, sentAfter] = requestsFor(hung);
  // The same delivery, resent: same delivery id, same event id, same body.
  expect(sentAfter?.raw).toBe(sentBefore?.raw);
  expect(requestsFor(meanwhile)[0]?.signatureOk).toBe(true);
  await second.kill('SIGTERM');
});

describeWithPostgres('two replicas on one PostgreSQL store', () => {
  let database: BackendUnderTest;

  beforeAll(async () => {
    database = await postgresBackend();
  });
  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.kill('SIGTERM')));
    await database?.cleanup();
  });

  test('when partners change while two replicas push, then each change is sent once', async () => {
    const env = { STORE_URL: database.settings.url ?? '' };
    const replicas = await Promise.all([start(env), start(env)]);
    await Promise.all(replicas.map(polling));
    receiver.received.length = 0;
    const refs: string[] = [];
    for (let index = 0; index < 12; index++) {
      refs.push(createCustomer());
      await sleep(250);
    }
    await waitFor(async () => refs.every((ref) => requestsFor(ref).length > 0), 20_000);
    await sleep(2000); // a second sending would have come by now
    const eventIds = receiver.events().map((event) => event.event_id);
    expect(eventIds).toHaveLength(12);
    expect(new Set(eventIds).size).toBe(12);
    expect(receiver.received.every((r) => r.signatureOk)).toBe(true);
  });
});
