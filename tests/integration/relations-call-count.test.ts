/**
 * Issue: the number of Odoo calls a request makes must not grow with the number of records or relation
 * values in it. Counted from the simulator's call log, which does not drift.
 */
import request from 'supertest';
import { createOdooClient } from '../../src/odoo/create-odoo-client';
import { OdooClient } from '../../src/odoo/odoo-client';
import { bulkCustomers } from './support/bulk-customers';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

describe('relations resolved in a constant number of Odoo calls', () => {
  let h: Harness;
  let odoo: OdooClient;

  beforeAll(async () => {
    // The classic read plan's calls; web-read-plan.test.ts counts the web plan's (one per GET).
    h = await startHarness({ env: { ODOO_READ_PLAN: 'classic' } });
    odoo = createOdooClient({ ...h.config.settings.odoo });
    // 120 more customers, each with a country, a tag and two contacts; 60 more products with SKUs.
    const customers = bulkCustomers(120);
    await odoo.executeKw('res.partner', 'create', [customers]);
    const products = Array.from({ length: 60 }, (_, k) => ({
      name: `Bulk Product ${k}`,
      default_code: `BULK-${k}`,
    }));
    await odoo.executeKw('product.product', 'create', [products]);
  });
  afterAll(async () => {
    await odoo.close();
    await h.close();
  });

  async function callsFor(send: () => Promise<request.Response>, expectedStatus: number) {
    h.resetCalls();
    const res = await send();
    expect(res.status).toBe(expectedStatus);
    return { res, calls: h.objectCalls().map((call) => `${call.model}.${call.modelMethod}`) };
  }

  test('when a page of 100 customers with country, tags and contacts is read, then the calls are as for a page of 5', async () => {
    const get = (limit: number) => () =>
      request(h.url).get(`/bj_api_sync/v1/customers?limit=${limit}&order=customer_id`).set(SHOP_AUTH);
    await get(1)(); // fields_get of every model involved is cached from here on
    const small = await callsFor(get(5), 200);
    const large = await callsFor(get(100), 200);
    expect(large.res.body.count).toBe(100);
    expect(large.res.body.data.every((c: { contacts: unknown[] }) => c.contacts.length === 2)).toBe(true);
    expect(large.calls.sort()).toEqual(small.calls.sort());
    expect(large.calls.sort()).toEqual(
      [
        'res.partner.search_read',
        'res.partner.search_count',
        'res.country.read',
        'res.partner.category.read',
        'res.partner.read',
      ].sort(),
    );
  });

  test('when an order with 50 lines referencing 50 SKUs is created, then the calls are as for an order with 2 lines', async () => {
    const order = (ref: string, lines: number) => ({
      order_ref: ref,
      customer: 'C-1001',
      date_order: '2026-11-29T10:15:00+01:00',
      lines: Array.from({ length: lines }, (_, k) => ({ sku: `BULK-${k}`, quantity: k + 1, price_unit: 10 })),
    });
    const post = (ref: string, lines: number) => () =>
      request(h.url).post('/bj_api_sync/v1/sale-orders').set(SHOP_AUTH).send(order(ref, lines));
    await post('WARM-UP', 1)();
    const small = await callsFor(post('PO-SMALL', 2), 201);
    const large = await callsFor(post('PO-LARGE', 50), 201);
    expect(large.calls.sort()).toEqual(small.calls.sort());
    expect(large.calls.length).toBeLessThanOrEqual(4);

    const read = await request(h.url).get('/bj_api_sync/v1/sale-orders/PO-LARGE').set(SHOP_AUTH);
    expect(read.body.data.lines).toHaveLength(50);
    expect(read.body.data.lines[49]).toMatchObject({ sku: 'BULK-49', quantity: 50, price_unit: 10 });
    expect(read.body.data).toMatchObject({ customer: 'C-1001', date_order: '2026-11-29T09:15:00Z' });
  });

  test('when an order names a SKU that does not exist, then 400 names the line and the value and nothing is created', async () => {
    h.resetCalls();
    const res = await request(h.url)
      .post('/bj_api_sync/v1/sale-orders')
      .set(SHOP_AUTH)
      .send({ order_ref: 'PO-BAD', customer: 'C-1001', lines: [{ sku: 'BULK-1' }, { sku: 'NO-SUCH-SKU' }] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'lines[1].sku' });
    expect(res.body.error).toContain('NO-SUCH-SKU');
    expect(h.objectCalls().some((call) => call.modelMethod === 'create')).toBe(false);
  });

  test('when a nested line is malformed, then 400 lists every bad nested key with its line_id', async () => {
    const res = await request(h.url)
      .post('/bj_api_sync/v1/sale-orders')
      .set(SHOP_AUTH)
      .send({
        order_ref: 'PO-BAD2',
        customer: 'C-1001',
        lines: [{ quantity: 'two' }, { sku: 'BULK-1', colour: 'red' }],
      });
    expect(res.status).toBe(400);
    const lineIds = (res.body.details as { line_id: string }[]).map((d) => d.line_id).sort();
    expect(lineIds).toEqual(['lines[0].quantity', 'lines[0].sku', 'lines[1].colour']);
  });

  test('when a customer names an unknown country, then 400 names the key and the value', async () => {
    const res = await request(h.url)
      .post('/bj_api_sync/v1/customers')
      .set(SHOP_AUTH)
      .send({ customer_id: 'C-7777', name: 'Nowhere Ltd', country: 'XX' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'country' });
    expect(res.body.error).toBe('country: no res.country with code "XX"');
  });

  test('when a customer names a tag that does not exist, then the tag is created (create_missing) once', async () => {
    const res = await request(h.url)
      .post('/bj_api_sync/v1/customers')
      .set(SHOP_AUTH)
      .send({ customer_id: 'C-7778', name: 'Tagged Ltd', tags: ['Brand New Tag', 'VIP'] });
    expect(res.status).toBe(201);
    const read = await request(h.url).get('/bj_api_sync/v1/customers/C-7778').set(SHOP_AUTH);
    expect(read.body.data.tags.sort()).toEqual(['Brand New Tag', 'VIP']);
    const tags = await odoo.executeKw<unknown[]>(
      'res.partner.category',
      'search_read',
      [[['name', '=', 'Brand New Tag']]],
      {
        fields: ['id'],
      },
    );
    expect(tags).toHaveLength(1);
  });
});

describe('relation lookups cached across requests (relation_cache_ttl_ms)', () => {
  test('when the cache is on, then a second create with the same country and tags does not look them up again', async () => {
    const h = await startHarness({ env: { RELATION_CACHE_TTL_MS: '60000' } });
    try {
      expect(h.config.settings.relationCacheTtlMs).toBe(60_000);
      const post = (id: string) =>
        request(h.url)
          .post('/bj_api_sync/v1/customers')
          .set(SHOP_AUTH)
          .send({ customer_id: id, name: `Cached ${id}`, country: 'BE', tags: ['VIP'] });
      expect((await post('CACHE-1')).status).toBe(201);
      h.resetCalls();
      expect((await post('CACHE-2')).status).toBe(201);
      const lookups = h
        .objectCalls()
        .filter((c) => c.model !== 'res.partner' && c.modelMethod === 'search_read');
      expect(lookups).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('values Odoo would refuse or silently change', () => {
  test('when a datetime or date does not exist, or an integer is beyond Odoo int4, then 400 before Odoo', async () => {
    const h = await startHarness();
    try {
      h.resetCalls();
      const order = await request(h.url)
        .post('/bj_api_sync/v1/sale-orders')
        .set(SHOP_AUTH)
        .send({ order_ref: 'PO-DATE', customer: 'C-1001', date_order: '2026-02-31T10:00:00Z' });
      expect(order.status).toBe(400);
      expect(order.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'date_order' });
      const filter = await request(h.url)
        .get('/bj_api_sync/v1/sale-orders?date_order[gt]=2026-13-45T99:99:00Z')
        .set(SHOP_AUTH);
      expect(filter.status).toBe(400);
      expect(filter.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'date_order' });
      expect(
        h.objectCalls().filter((c) => c.model === 'sale.order' && c.modelMethod !== 'fields_get'),
      ).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
