/**
 * The harness builds the app with createApp and nothing else, as src/gateway.ts does: every part users
 * reach (batches, Idempotency-Key, test-connection, /metrics, the per-request Odoo call count) is there
 * without a test wiring it in.
 */
import request from 'supertest';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

const CUSTOMERS = '/bj_api_sync/v1/customers';

describe('the app createApp builds', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const accessLine = (requestId: string) =>
    h.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.message === 'request' && entry.request_id === requestId);

  test('when a JSON array is posted, then it is handled as a batch', async () => {
    const res = await request(h.url)
      .post(CUSTOMERS)
      .set(SHOP_AUTH)
      .send([{ name: 'No identifier' }]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: false, created: 0, failed: 1 });
    expect(res.body.results[0]).toMatchObject({ index: 0, success: false, status_code: 'VALIDATION_ERROR' });
  });

  test('when a create is retried with its Idempotency-Key, then the first response is replayed', async () => {
    const post = () =>
      request(h.url)
        .post(CUSTOMERS)
        .set(SHOP_AUTH)
        .set('Idempotency-Key', 'wiring-1')
        .send({ customer_id: 'C-WIRING-1', name: 'Wired once' });
    const first = await post();
    expect(first.status).toBe(201);
    h.resetCalls();
    const retry = await post();
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(h.objectCalls()).toHaveLength(0);
  });

  test('when test-connection is asked, then it checks the config against Odoo', async () => {
    const res = await request(h.url).get('/bj_api_sync/test-connection');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, odoo: { reachable: true } });
  });

  test('when a record is read, then /metrics and the access log count its Odoo calls', async () => {
    const read = await request(h.url).get(`${CUSTOMERS}/C-1001`).set(SHOP_AUTH);
    expect(read.status).toBe(200);
    const metrics = await request(h.url).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/gateway_odoo_calls_total\{[^}]*model="res.partner"/);
    const requestId = String(read.headers['x-request-id']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(accessLine(requestId)).toMatchObject({ endpoint: 'customers', odoo_calls: expect.any(Number) });
    expect(accessLine(requestId)?.odoo_calls).toBeGreaterThan(0);
  });
});
