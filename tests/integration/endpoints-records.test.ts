/**
 * Identifier lookups (found, outside the domain, ambiguous), archive vs unlink as Odoo sees them, and
 * values on the wire (false ↔ null, datetimes in UTC with Z, null clears a field), through the real
 * app; the simulator's state is checked over its own XML-RPC API.
 */
import request from 'supertest';
import { createOdooClient } from '../../src/odoo/create-odoo-client';
import { OdooClient } from '../../src/odoo/odoo-client';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

const TAGS_AUTH = { Authorization: `Basic ${Buffer.from('tags:tags-secret').toString('base64')}` };
/** Demo seed: Azure Interior (C-1001) is partner 10, its contacts are 11 and 12; Deco Addict (C-1002) is 13. */
const AZURE_ID = 10;
const AZURE_CONTACT_ID = 11;
const DECO_ID = 13;

describe('records over the simulator', () => {
  let h: Harness;
  let odoo: OdooClient;
  beforeAll(async () => {
    h = await startHarness();
    odoo = createOdooClient(h.config.settings.odoo);
  });
  afterAll(async () => {
    await odoo.close();
    await h.close();
  });
  beforeEach(() => h.sim.controls.reset());

  const api = () => request(h.url);

  /** A partner as Odoo has it, archived or not. */
  async function partner(id: number, fields: string[]): Promise<Record<string, unknown> | undefined> {
    const [record] = await odoo.executeKw<Array<Record<string, unknown>>>(
      'res.partner',
      'search_read',
      [[['id', '=', id]]],
      { fields, context: { active_test: false } },
    );
    return record;
  }

  describe('identifier lookups', () => {
    test('when the identifier matches one record in the domain, then it is found', async () => {
      const res = await api().get('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ customer_id: 'C-1001', name: 'Azure Interior' });
    });

    test('when the record with that identifier is outside the endpoint domain, then 404 for GET, PUT and DELETE', async () => {
      // A contact has no customer_rank, so the customers domain does not see it.
      await odoo.executeKw('res.partner', 'write', [[AZURE_CONTACT_ID], { ref: 'K-7' }]);
      const get = await api().get('/bj_api_sync/v1/customers/K-7').set(SHOP_AUTH);
      expect(get.status).toBe(404);
      expect(get.body).toMatchObject({ status_code: 'NOT_FOUND', line_id: 'customer_id' });
      const put = await api().put('/bj_api_sync/v1/customers/K-7').set(SHOP_AUTH).send({ phone: '+32 1' });
      expect(put.status).toBe(404);
      const del = await api().delete('/bj_api_sync/v1/customers?customer_id=K-7').set(SHOP_AUTH);
      expect(del.status).toBe(404);
      expect(await partner(AZURE_CONTACT_ID, ['active', 'phone'])).toMatchObject({
        active: true,
        phone: false,
      });
    });

    test('when a record outside the domain shares the identifier, then the one inside is still found', async () => {
      await odoo.executeKw('res.partner', 'write', [[AZURE_CONTACT_ID], { ref: 'C-1001' }]);
      const res = await api().get('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH);
      expect(res.status).toBe(200);
      expect(res.body.data.name).toBe('Azure Interior');
    });

    test('when two records in the domain share the identifier, then 409 AMBIGUOUS_IDENTIFIER and nothing is written', async () => {
      await odoo.executeKw('res.partner', 'write', [[DECO_ID], { ref: 'C-1001' }]);
      h.resetCalls();
      for (const call of [
        api().get('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH),
        api().put('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH).send({ city: 'Ghent' }),
        api().put('/bj_api_sync/v1/customers').set(SHOP_AUTH).send({ customer_id: 'C-1001', city: 'Ghent' }),
        api().delete('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH),
      ]) {
        const res = await call;
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({
          success: false,
          status_code: 'AMBIGUOUS_IDENTIFIER',
          line_id: 'customer_id',
          request_id: expect.any(String),
        });
      }
      expect(h.objectCalls().filter((call) => call.modelMethod === 'write')).toEqual([]);
      expect(await partner(AZURE_ID, ['active', 'city'])).toMatchObject({ active: true, city: 'Brussels' });
    });

    test('when the identifier is a char field, then any string is a lookup value (404, not 400)', async () => {
      for (const path of ['customers/abc', 'customers/123', 'customers/%20']) {
        const res = await api().get(`/bj_api_sync/v1/${path}`).set(SHOP_AUTH);
        expect(res.status).toBe(404);
      }
      expect((await api().get('/bj_api_sync/v1/countries/abc')).status).toBe(404);
      expect((await api().get('/bj_api_sync/v1/countries/1')).status).toBe(404);
    });

    test('when partner-tags are named by name, then the name (with spaces) is the identifier', async () => {
      const created = await api()
        .post('/bj_api_sync/v1/partner-tags')
        .set(TAGS_AUTH)
        .send({ name: 'Key Account' });
      expect(created.status).toBe(201);
      const res = await api().get('/bj_api_sync/v1/partner-tags/Key%20Account').set(TAGS_AUTH);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ name: 'Key Account' });
      expect((await api().get(`/bj_api_sync/v1/partner-tags/${created.body.id}`).set(TAGS_AUTH)).status).toBe(
        404,
      );
    });
    test('when POST or PUT gives an empty identifier, then 400 on the key and nothing is written', async () => {
      h.resetCalls();
      const created = await api()
        .post('/bj_api_sync/v1/customers')
        .set(SHOP_AUTH)
        .send({ customer_id: '', name: 'Anon' });
      expect(created.status).toBe(400);
      expect(created.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'customer_id' });
      const renamed = await api()
        .put('/bj_api_sync/v1/customers/C-1001')
        .set(SHOP_AUTH)
        .send({ customer_id: '' });
      expect(renamed.status).toBe(400);
      expect(renamed.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'customer_id' });
      const tag = await api().put('/bj_api_sync/v1/partner-tags/VIP').set(TAGS_AUTH).send({ name: '' });
      expect(tag.status).toBe(400);
      expect(h.objectCalls().filter((call) => ['create', 'write'].includes(call.modelMethod ?? ''))).toEqual(
        [],
      );
      expect(await partner(AZURE_ID, ['ref'])).toMatchObject({ ref: 'C-1001' });
    });
  });

  describe('delete modes', () => {
    test('when a customer is deleted, then it is archived (still in Odoo, inactive) and no longer served', async () => {
      const res = await api().delete('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, message: 'Record archived', id: AZURE_ID });
      expect(h.objectCalls().some((call) => call.modelMethod === 'unlink')).toBe(false);
      expect(await partner(AZURE_ID, ['active', 'ref'])).toMatchObject({ active: false, ref: 'C-1001' });
      expect((await api().get('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH)).status).toBe(404);
      const list = await api().get('/bj_api_sync/v1/customers?limit=1').set(SHOP_AUTH);
      expect(list.body.total).toBe(18);
    });

    test('when a partner tag is deleted, then it is unlinked (gone from Odoo)', async () => {
      const res = await api().delete('/bj_api_sync/v1/partner-tags?name=Wholesale').set(TAGS_AUTH);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, message: 'Record deleted', id: expect.any(Number) });
      const left = await odoo.executeKw<number>(
        'res.partner.category',
        'search_count',
        [[['id', '=', res.body.id]]],
        {
          context: { active_test: false },
        },
      );
      expect(left).toBe(0);
      // Azure Interior had the tag: the relation is gone with it.
      const azure = await api()
        .get('/bj_api_sync/v1/customers?customer_id=C-1001&fields=tags')
        .set(SHOP_AUTH);
      expect(azure.body.data).toEqual([{ tags: [] }]);
    });

    test('when an archived customer is deleted again, then 404', async () => {
      const res = await api().delete('/bj_api_sync/v1/customers/C-1020').set(SHOP_AUTH);
      expect(res.status).toBe(404);
    });
  });

  describe('values on the wire', () => {
    test('when an Odoo field is false, then the API says null (and a boolean stays a boolean)', async () => {
      expect(await partner(40, ['phone', 'street', 'is_company'])).toMatchObject({
        phone: false,
        street: false,
        is_company: false,
      });
      const res = await api().get('/bj_api_sync/v1/customers/C-1011').set(SHOP_AUTH);
      expect(res.body.data).toMatchObject({
        phone: null,
        street: null,
        zip: null,
        is_company: false,
        contacts: [],
      });
    });

    test('when a datetime is read, then it is ISO 8601 UTC with Z', async () => {
      const res = await api().get('/bj_api_sync/v1/sale-orders/PO-2025001').set(SHOP_AUTH);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        order_ref: 'PO-2025001',
        customer: 'C-1001',
        date_order: '2025-01-10T09:30:00Z',
      });
    });

    test('when a datetime is written with an offset, then Odoo stores UTC and it reads back with Z', async () => {
      const created = await api()
        .post('/bj_api_sync/v1/sale-orders')
        .set(SHOP_AUTH)
        .send({
          order_ref: 'WEB-1',
          customer: 'C-1002',
          date_order: '2026-11-29T11:15:00+01:00',
          lines: [{ sku: 'SKU-003', quantity: 2 }],
        });
      expect(created.status).toBe(201);
      const [stored] = await odoo.executeKw<Array<Record<string, unknown>>>(
        'sale.order',
        'read',
        [[created.body.id]],
        {
          fields: ['date_order'],
        },
      );
      expect(stored?.date_order).toBe('2026-11-29 10:15:00');
      const read = await api().get('/bj_api_sync/v1/sale-orders/WEB-1').set(SHOP_AUTH);
      expect(read.body.data).toMatchObject({
        date_order: '2026-11-29T10:15:00Z',
        customer: 'C-1002',
        lines: [{ sku: 'SKU-003', quantity: 2, price_unit: 39.9 }],
      });
    });

    test('when a datetime is not ISO 8601, then 400 names the key', async () => {
      const res = await api()
        .post('/bj_api_sync/v1/sale-orders')
        .set(SHOP_AUTH)
        .send({ order_ref: 'WEB-2', customer: 'C-1002', date_order: '29/11/2026' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'date_order' });
    });

    test('when a PUT sends null, then the field is cleared in Odoo and reads back as null', async () => {
      const res = await api()
        .put('/bj_api_sync/v1/customers/C-1001')
        .set(SHOP_AUTH)
        .send({ phone: null, country: null, tags: null });
      expect(res.status).toBe(200);
      expect(await partner(AZURE_ID, ['phone', 'country_id', 'category_id', 'name'])).toMatchObject({
        phone: false,
        country_id: false,
        category_id: [],
        name: 'Azure Interior',
      });
      const read = await api().get('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH);
      expect(read.body.data).toMatchObject({ phone: null, country: null, tags: [], name: 'Azure Interior' });
    });

    test('when a PUT sends null for a required key, then 400 and nothing is cleared', async () => {
      const res = await api().put('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH).send({ name: null });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'name' });
      expect(await partner(AZURE_ID, ['name'])).toMatchObject({ name: 'Azure Interior' });
    });
  });
});
