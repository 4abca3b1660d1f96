import request from 'supertest';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

describe('customers endpoint over the simulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  test('when a customer is listed, then relations render as match values and total counts the domain', async () => {
    const res = await request(h.url)
      .get('/bj_api_sync/v1/customers?limit=5&order=customer_id')
      .set(SHOP_AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, count: 5, limit: 5, offset: 0 });
    expect(res.body.total).toBe(19);
    expect(res.body.data[0]).toMatchObject({ customer_id: 'C-1001', name: 'Azure Interior', country: 'BE' });
    expect(res.body.data[0].tags).toEqual(['Wholesale']);
    expect(res.body.data[0].contacts).toHaveLength(2);
    expect(res.body.data[0].contacts[0]).toMatchObject({ name: 'Brandon Freeman' });
  });

  test('when a customer is created, read, updated and archived, then each step answers as api.md says', async () => {
    const created = await request(h.url)
      .post('/bj_api_sync/v1/customers')
      .set(SHOP_AUTH)
      .send({
        customer_id: 'C-9001',
        name: 'New Shop',
        email: 'shop@example.com',
        country: 'FR',
        tags: ['VIP'],
      });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ success: true, message: 'Record created', id: expect.any(Number) });

    const read = await request(h.url).get('/bj_api_sync/v1/customers/C-9001').set(SHOP_AUTH);
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({
      customer_id: 'C-9001',
      name: 'New Shop',
      country: 'FR',
      tags: ['VIP'],
      phone: null,
    });

    const updated = await request(h.url)
      .put('/bj_api_sync/v1/customers/C-9001')
      .set(SHOP_AUTH)
      .send({ phone: '+33 1 23' });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ success: true, message: 'Record updated', id: created.body.id });

    const deleted = await request(h.url).delete('/bj_api_sync/v1/customers/C-9001').set(SHOP_AUTH);
    expect(deleted.body).toEqual({ success: true, message: 'Record archived', id: created.body.id });
    const gone = await request(h.url).get('/bj_api_sync/v1/customers/C-9001').set(SHOP_AUTH);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ success: false, status_code: 'NOT_FOUND', line_id: 'customer_id' });
  });
});
