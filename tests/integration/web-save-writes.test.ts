/**
 * `Prefer: return=representation` on the web plan (Odoo 17+): a one-record write is written and read
 * back in ONE `web_save` instead of a write + a read; batches keep one create for all and one read.
 * The answer is the one a GET gives; a web_save is a write like any other (never retried).
 */
import request from 'supertest';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

const REPRESENTATION = { Prefer: 'return=representation' };

describe('writes answering with their representation on the web plan', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { ODOO_READ_PLAN: 'web' } });
    await request(h.url).get('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH); // fields_get cached
  });
  afterAll(() => h.close());

  const writeCalls = () =>
    h
      .objectCalls()
      .filter((call) => call.modelMethod !== 'search_read')
      .map((call) => `${call.model}.${call.modelMethod}`);

  test('when a PUT asks for its representation, then one web_save writes and reads it back, as a GET shows it', async () => {
    h.resetCalls();
    const res = await request(h.url)
      .put('/bj_api_sync/v1/customers/C-1001')
      .set(SHOP_AUTH)
      .set(REPRESENTATION)
      .send({ city: 'Ghent', tags: ['VIP'] });
    expect(res.status).toBe(200);
    expect(writeCalls()).toEqual(['res.partner.web_save']);
    const get = await request(h.url).get('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH);
    expect(res.body).toMatchObject({ success: true, message: 'Record updated', id: expect.any(Number) });
    expect(res.body.data).toEqual(get.body.data);
    expect(res.body.data).toMatchObject({ city: 'Ghent', tags: ['VIP'] });
  });

  test('when a POST with nested contacts asks for its representation, then one web_save creates and reads it back', async () => {
    h.resetCalls();
    const res = await request(h.url)
      .post('/bj_api_sync/v1/customers')
      .set(SHOP_AUTH)
      .set(REPRESENTATION)
      .send({ customer_id: 'WS-1', name: 'Saved Ltd', country: 'BE', contacts: [{ name: 'Ann' }] });
    expect(res.status).toBe(201);
    expect(writeCalls()).toEqual(['res.partner.web_save']);
    const get = await request(h.url).get('/bj_api_sync/v1/customers/WS-1').set(SHOP_AUTH);
    expect(res.body.data).toEqual(get.body.data);
    expect(res.body.data).toMatchObject({ customer_id: 'WS-1', country: 'BE', contacts: [{ name: 'Ann' }] });
  });

  test('when a write does not ask for its representation, then it is a plain write', async () => {
    h.resetCalls();
    const res = await request(h.url)
      .put('/bj_api_sync/v1/customers/C-1002')
      .set(SHOP_AUTH)
      .send({ city: 'Lyon' });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('data');
    expect(writeCalls()).toEqual(['res.partner.write']);
  });

  test('when a PUT has nothing to write, then no write is sent and one web_read gives the representation', async () => {
    h.resetCalls();
    const res = await request(h.url)
      .put('/bj_api_sync/v1/customers/C-1003')
      .set(SHOP_AUTH)
      .set(REPRESENTATION)
      .send({});
    expect(res.status).toBe(200);
    expect(writeCalls()).toEqual(['res.partner.web_read']);
    expect(res.body.data).toMatchObject({ customer_id: 'C-1003' });
  });

  test('when web_save gets no answer, then it is not sent again and a retry with the same Idempotency-Key does not create twice', async () => {
    h.sim.controls.injectFailure({
      kind: 'reset',
      model: 'res.partner',
      method: 'web_save',
      times: 1,
      afterExecute: true,
    });
    const send = () =>
      request(h.url)
        .post('/bj_api_sync/v1/customers')
        .set(SHOP_AUTH)
        .set(REPRESENTATION)
        .set('Idempotency-Key', 'web-save-lost-1')
        .send({ customer_id: 'WS-LOST', name: 'Lost Answer Ltd' });
    h.resetCalls();
    const lost = await send();
    expect(lost.status).toBeGreaterThanOrEqual(500);
    expect(h.objectCalls().filter((call) => call.modelMethod === 'web_save')).toHaveLength(1);
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.body.data).toMatchObject({ customer_id: 'WS-LOST', name: 'Lost Answer Ltd' });
    const found = await request(h.url).get('/bj_api_sync/v1/customers?customer_id=WS-LOST').set(SHOP_AUTH);
    expect(found.body.total).toBe(1);
  });

  test('when a batch is sent, then it keeps one create for all its records (no web_save per record)', async () => {
    h.resetCalls();
    const res = await request(h.url)
      .post('/bj_api_sync/v1/customers')
      .set(SHOP_AUTH)
      .set(REPRESENTATION)
      .send([
        { customer_id: 'WS-B1', name: 'Batch One' },
        { customer_id: 'WS-B2', name: 'Batch Two' },
      ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, failed: 0 });
    expect(writeCalls()).toEqual(['res.partner.create']);
  });
});
