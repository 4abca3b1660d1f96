import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PUSH_SECRET_ENV, withOutbound, writePushConfig } from '../../bench/push/push-config';
import { PushReceiver, startPushReceiver } from '../../bench/push/push-receiver';
import { emptyReceived, receiveDelivery } from '../../bench/push/received-events';
import { checkPushTarget } from '../../bench/report/push-targets';
import { renderTable } from '../../bench/report/table';
import type { PushRowResult } from '../../bench/rows/push-row';
import { loadConfig } from '../../src/config/load-config';
import { signature } from '../../src/outbound/signing';

const ours = (record: Record<string, unknown>) => String(record.customer_id).startsWith('RUN-');
const event = (id: string, customer: string) => ({ event_id: id, record: { customer_id: customer } });
const delivery = (id: string, events: unknown[]) => ({ endpoint: 'customers', delivery_id: id, events });

describe('the push row receiver tally', () => {
  test('when deliveries arrive, then events count once, a repeated event or delivery is counted apart, and other records do not count as ours', () => {
    const received = emptyReceived();
    receiveDelivery(received, delivery('d1', [event('e1', 'RUN-1'), event('e2', 'RUN-2')]), ours);
    receiveDelivery(received, delivery('d2', [event('e2', 'RUN-2'), event('e3', 'OTHER-9')]), ours);
    receiveDelivery(received, delivery('d1', [event('e1', 'RUN-1'), event('e2', 'RUN-2')]), ours);
    expect(received).toMatchObject({
      deliveries: 3,
      repeatedDeliveries: 1,
      events: 6,
      duplicates: 3,
      ours: 2,
      others: 1,
      refused: 0,
    });
  });

  test('when a body is not a delivery, then it is refused and nothing else moves', () => {
    const received = emptyReceived();
    for (const body of [undefined, [], { delivery_id: 'd', events: [{ event_id: 'e' }] }, { events: [] }]) {
      expect(receiveDelivery(received, body, ours)).toBe(false);
    }
    expect(received).toMatchObject({ refused: 4, deliveries: 0, events: 0, ours: 0 });
  });
});

describe('the push row receiver over HTTP', () => {
  const secret = 'bench-test-secret';
  let receiver: PushReceiver;
  beforeEach(async () => (receiver = await startPushReceiver(secret, ours)));
  afterEach(() => receiver.close());

  const post = (body: string, signedWith = secret) =>
    fetch(receiver.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signature(signedWith, body) },
      body,
    });

  test('when signed deliveries bring every record, then it answers 200 and waitFor resolves', async () => {
    const waiting = receiver.waitFor(2, 5000);
    const first = await post(JSON.stringify(delivery('d1', [event('e1', 'RUN-1')])));
    expect(first.status).toBe(200);
    await post(JSON.stringify(delivery('d2', [event('e2', 'RUN-2'), event('e1', 'RUN-1')])));
    await expect(waiting).resolves.toEqual(expect.any(Number));
    expect(receiver.received).toMatchObject({ deliveries: 2, ours: 2, duplicates: 1 });
  });

  test('when a POST is signed with another secret or is not a delivery, then it is refused and not counted', async () => {
    expect((await post(JSON.stringify(delivery('d1', [event('e1', 'RUN-1')])), 'wrong')).status).toBe(401);
    expect((await post('{"not":"a delivery"}')).status).toBe(400);
    expect(receiver.received).toMatchObject({ refused: 2, deliveries: 0, ours: 0 });
    await expect(receiver.waitFor(1, 50)).resolves.toBeUndefined();
  });
});

describe('the push row gateway config', () => {
  const repoRoot = path.resolve(__dirname, '../..');

  test('when an endpoint file is not the customers endpoint, then it is left as it is', () => {
    expect(withOutbound('endpoint: countries\nmodel: res.country\n', 'http://127.0.0.1:1/r')).toBeUndefined();
  });

  test('when the shipped config is copied, then the gateway loads it with a signed push of customers to the receiver and nothing else changed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'push-config-test-'));
    try {
      const file = writePushConfig(
        path.join(repoRoot, 'config/gateway.yaml'),
        'http://127.0.0.1:4321/receive',
        dir,
      );
      const env = { ODOO_URL: 'http://127.0.0.1:1', ODOO_DB: 'd', ODOO_USERNAME: 'u', ODOO_PASSWORD: 'p' };
      const config = loadConfig({ configPath: file, env: { ...env, [PUSH_SECRET_ENV]: 'bench-secret' } });
      const shipped = loadConfig({ configPath: path.join(repoRoot, 'config/gateway.yaml'), env });
      expect(config.endpoints.get('customers')?.outbound).toMatchObject({
        url: 'http://127.0.0.1:4321/receive',
        batchSize: 100,
        intervalS: 1,
        auth: { type: 'hmac', secret: 'bench-secret' },
      });
      const pushing = [...config.endpoints.values()].filter((endpoint) => endpoint.outbound);
      expect(pushing.map((endpoint) => endpoint.name)).toEqual(['customers']);
      expect([...config.endpoints.keys()].sort()).toEqual([...shipped.endpoints.keys()].sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function pushRow(overrides: Partial<PushRowResult> = {}): PushRowResult {
  return {
    kind: 'push',
    latencyMs: 10,
    records: 10_000,
    batchSize: 100,
    intervalS: 1,
    createChunk: 100,
    readPlan: 'auto',
    timeoutS: 160,
    seconds: 12.5,
    recordsPerSecond: 800,
    changeSeconds: 2.7,
    lagAfterLastChangeS: 9.8,
    received: {
      ours: 10_000,
      deliveries: 100,
      repeatedDeliveries: 0,
      events: 10_000,
      duplicates: 0,
      others: 0,
      refused: 0,
    },
    odooCalls: 104,
    odooCallsPerRecord: 0.0104,
    callsByMethod: { 'res.partner.web_search_read': 104 },
    ...overrides,
  };
}

describe('the push row target and table', () => {
  test('when 10,000 records arrive once each at ≤ 0.05 calls per record, then the target is met and the table shows records/s and calls per record', () => {
    const row = pushRow();
    const check = checkPushTarget(row);
    expect(check).toMatchObject({
      verdict: 'met',
      measured: '0.0104 calls/record, 0 repeated, 800 records/s',
    });
    const table = renderTable([row], true, [check]);
    expect(table).toMatch(
      /\| Push 10,000 changed customers · 10 ms Odoo · batches of 100 +\| records\/s, first change made → all at the receiver +\| 800 records\/s +\|/,
    );
    expect(table).toMatch(
      /\| Odoo calls per record \(the gateway’s; read plan auto\) +\| 0\.0104 \(104 calls\) +\|/,
    );
    expect(table).toMatch(/\| POSTs \/ repeated events at the receiver +\| 100 \/ 0 +\|/);
    expect(new Set(table.split('\n').map((line) => line.length)).size).toBe(1);
  });

  test('when records arrive twice, too many calls are made, or not all arrive, then the target is missed', () => {
    const received = { ...pushRow().received, duplicates: 100 };
    expect(checkPushTarget(pushRow({ received })).verdict).toBe('missed');
    expect(checkPushTarget(pushRow({ odooCallsPerRecord: 0.06 })).verdict).toBe('missed');
    const incomplete = pushRow({
      seconds: undefined,
      recordsPerSecond: undefined,
      received: { ...pushRow().received, ours: 9_000 },
    });
    expect(checkPushTarget(incomplete)).toMatchObject({
      verdict: 'missed',
      measured: '9000 of 10000 arrived',
    });
    expect(renderTable([incomplete], true, [])).toMatch(/INCOMPLETE: 9,000 of 10,000 in 160 s/);
  });

  test('when the row did not run, ran fewer records (--quick) or against a real Odoo, then the target is not measured', () => {
    expect(checkPushTarget(undefined).verdict).toBe('not measured');
    expect(checkPushTarget(pushRow({ records: 1000 })).verdict).toBe('not measured');
    expect(checkPushTarget(pushRow({ latencyMs: undefined })).verdict).toBe('not measured');
  });
});
