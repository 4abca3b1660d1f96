import request from 'supertest';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

describe('the gateway over JSON-RPC (odoo.protocol: jsonrpc)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { ODOO_PROTOCOL: 'jsonrpc' } });
  });
  afterAll(() => h.close());

  test('when a customer is created and read over JSON-RPC, then the API answers as over XML-RPC', async () => {
    expect(h.config.settings.odoo.protocol).toBe('jsonrpc');
    const created = await request(h.url)
      .post('/bj_api_sync/v1/customers')
      .set(SHOP_AUTH)
      .send({ customer_id: 'J-1', name: 'Json Shop', country: 'BE', tags: ['VIP'] });
    expect(created.status).toBe(201);
    const read = await request(h.url).get('/bj_api_sync/v1/customers/J-1').set(SHOP_AUTH);
    expect(read.body.data).toMatchObject({ customer_id: 'J-1', country: 'BE', tags: ['VIP'] });
    expect(h.sim.controls.callLog().length).toBeGreaterThan(0);
  });

  test('when Odoo refuses values over JSON-RPC, then the error is classified the same way', async () => {
    h.sim.controls.injectFailure({
      kind: 'fault',
      code: 2,
      message: 'The operation cannot be completed: nope',
      times: 1,
      method: 'create',
    });
    const res = await request(h.url)
      .post('/bj_api_sync/v1/customers')
      .set(SHOP_AUTH)
      .send({ customer_id: 'J-2', name: 'Refused' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 'ODOO_VALIDATION_ERROR' });
    expect(JSON.stringify(res.body)).not.toContain('Traceback');
  });
});
