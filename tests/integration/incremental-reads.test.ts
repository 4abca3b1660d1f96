/**
 * What a sync client uses to pull only what changed (`updated_since`, Odoo's write_date) and to read
 * only some keys of one record (`fields=` on GET one), over real HTTP into the simulator.
 */
import request from 'supertest';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

const CUSTOMERS = '/bj_api_sync/v1/customers';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GET list with updated_since', () => {
  let h: Harness;
  let before: string;
  beforeAll(async () => {
    h = await startHarness();
    // Odoo answers write_date to the second: step past the second the demo data was written in.
    await sleep(1100);
    before = new Date().toISOString();
    for (const [customer_id, name] of [
      ['C-8002', 'Second Change'],
      ['C-8001', 'First Change'],
    ]) {
      const res = await request(h.url).post(CUSTOMERS).set(SHOP_AUTH).send({ customer_id, name });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => h.close());

  test('when a client asks what changed since before its writes, then it gets exactly those, in id order', async () => {
    const res = await request(h.url).get(CUSTOMERS).query({ updated_since: before }).set(SHOP_AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, count: 2, total: 2 });
    expect(res.body.data.map((row: { customer_id: string }) => row.customer_id)).toEqual([
      'C-8002',
      'C-8001',
    ]);
  });

  test('when an older record is edited, then it joins the changes in the place of its id', async () => {
    const edited = await request(h.url)
      .put(`${CUSTOMERS}/C-1001`)
      .set(SHOP_AUTH)
      .send({ phone: '+32 2 555' });
    expect(edited.status).toBe(200);
    const page = await request(h.url)
      .get(CUSTOMERS)
      .query({ updated_since: before, limit: 2, offset: 0, fields: 'customer_id' })
      .set(SHOP_AUTH);
    expect(page.body.total).toBe(3);
    expect(page.body.data).toEqual([{ customer_id: 'C-1001' }, { customer_id: 'C-8002' }]);
  });

  test('when the time is in the future, then nothing has changed', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const res = await request(h.url).get(CUSTOMERS).query({ updated_since: later }).set(SHOP_AUTH);
    expect(res.body).toMatchObject({ success: true, count: 0, total: 0, data: [] });
  });

  test('when updated_since is not a time, then it is a 400 naming it', async () => {
    const res = await request(h.url).get(CUSTOMERS).query({ updated_since: 'last tuesday' }).set(SHOP_AUTH);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      success: false,
      status_code: 'INVALID_QUERY',
      line_id: 'updated_since',
    });
  });
});

describe('GET one with fields', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  test('when fields names some keys, then only those keys come back', async () => {
    const res = await request(h.url).get(`${CUSTOMERS}/C-1001?fields=name,country`).set(SHOP_AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, data: { name: 'Azure Interior', country: 'BE' } });
  });

  test('when fields names an unknown key, then it is a 400 naming that key', async () => {
    const res = await request(h.url).get(`${CUSTOMERS}/C-1001?fields=name,password`).set(SHOP_AUTH);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'password' });
  });

  test('when fields is absent, then every readable key comes back', async () => {
    const res = await request(h.url).get(`${CUSTOMERS}/C-1001`).set(SHOP_AUTH);
    expect(Object.keys(res.body.data)).toEqual(
      expect.arrayContaining(['customer_id', 'name', 'email', 'country', 'tags', 'contacts']),
    );
  });
});
