/**
 * A gateway whose Odoo URL points at a closed port: every call that needs Odoo is a 503 with
 * Retry-After, while /health (liveness only) still answers.
 */
import net from 'node:net';
import request from 'supertest';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

/** A port that was free a moment ago and has nothing listening on it now. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Odoo unreachable', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { ODOO_URL: `http://127.0.0.1:${await closedPort()}` } });
  });
  afterAll(() => h.close());

  test('when Odoo refuses the connection, then a read is 503 ODOO_UNAVAILABLE with Retry-After', async () => {
    const res = await request(h.url).get('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      success: false,
      status_code: 'ODOO_UNAVAILABLE',
      line_id: null,
      request_id: res.headers['x-request-id'],
    });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });

  test('when Odoo refuses the connection, then a write is 503 too', async () => {
    const res = await request(h.url)
      .post('/bj_api_sync/v1/customers')
      .set(SHOP_AUTH)
      .send({ customer_id: 'C-5002', name: 'Nobody home' });
    expect(res.status).toBe(503);
    expect(res.body.status_code).toBe('ODOO_UNAVAILABLE');
  });

  test('when Odoo is down, then checks that need no Odoo still answer first (401, 405, 404)', async () => {
    expect((await request(h.url).get('/bj_api_sync/v1/customers')).status).toBe(401);
    expect((await request(h.url).put('/bj_api_sync/v1/countries/BE').send({})).status).toBe(405);
    expect((await request(h.url).get('/bj_api_sync/v1/nope')).status).toBe(404);
  });

  test('when Odoo is down, then /health still answers 200', async () => {
    const res = await request(h.url).get('/health');
    expect(res.status).toBe(200);
  });
});
