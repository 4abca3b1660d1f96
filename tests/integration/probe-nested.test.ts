/**
 * Nested objects on the write path get what the top level gets (issue 13): a raw many2one id inside
 * them that no record has, or that exceeds int4, is a 400 naming the nested key; `__proto__` and
 * `constructor` are refused under `unknown_keys: reject`; and a record created on the way for a
 * nested many2one object is removed again when Odoo then refuses the write.
 */
import request from 'supertest';
import { createOdooClient } from '../../src/odoo/create-odoo-client';
import type { OdooClient } from '../../src/odoo/odoo-client';
import { TempConfig, writeTempConfig } from './support/temp-config';
import { Harness, startHarness } from './support/gateway-harness';

const FILES: Record<string, string> = {
  'families.yaml': `
endpoint: families
model: res.partner
methods: [GET, POST, PUT]
auth: { type: none }
fields:
  - { key: ref, field: ref, identifier: true, required: true }
  - { key: name, field: name, required: true }
  - { key: firm, field: parent_id, mapping: firm }
  - { key: contacts, field: child_ids, mapping: family-contact }
`,
  'firm.yaml': `
mapping: firm
model: res.partner
fields:
  - { key: firm_id, field: ref, identifier: true }
  - { key: name, field: name, required: true }
  - { key: user, field: user_id }
`,
  'family-contact.yaml': `
mapping: family-contact
model: res.partner
fields:
  - { key: name, field: name, required: true }
  - { key: user, field: user_id }
`,
  'orders.yaml': `
endpoint: orders
model: sale.order
methods: [GET, POST]
auth: { type: none }
fields:
  - { key: ref, field: client_order_ref, identifier: true, required: true }
  - { key: customer, field: partner_id, mapping: buyer, required: true }
  - { key: lines, field: order_line, mapping: order-line }
`,
  'buyer.yaml': `
mapping: buyer
model: res.partner
fields:
  - { key: customer_id, field: ref, identifier: true }
  - { key: name, field: name, required: true }
`,
  'order-line.yaml': `
mapping: order-line
model: sale.order.line
odoo_fills: [customer_lead]
fields:
  - { key: product, field: product_id }
  - { key: description, field: name }
  - { key: quantity, field: product_uom_qty }
`,
};

const FAMILIES = '/bj_api_sync/v1/families';
const ORDERS = '/bj_api_sync/v1/orders';

describe('nested objects on the write path', () => {
  let h: Harness;
  let config: TempConfig;
  let odoo: OdooClient;
  beforeAll(async () => {
    config = writeTempConfig(FILES);
    h = await startHarness({ configPath: config.configPath });
    odoo = createOdooClient(h.config.settings.odoo);
  });
  afterAll(async () => {
    await odoo.close();
    await h.close();
    config.remove();
  });
  beforeEach(() => h.resetCalls());

  const creates = () => h.objectCalls().filter((call) => call.modelMethod === 'create');
  const rawJson = (path: string, json: string) =>
    request(h.url).post(path).set('Content-Type', 'application/json').send(json);
  /** Partners with this ref, archived ones included. */
  const partnersWithRef = (ref: string) =>
    odoo.executeKw<number>('res.partner', 'search_count', [[['ref', '=', ref]]], {
      context: { active_test: false },
    });

  describe('raw many2one ids inside nested objects', () => {
    test('when a nested contact names a user id no record has, then a 400 naming the nested key, before any create', async () => {
      const res = await request(h.url)
        .post(FAMILIES)
        .send({
          ref: 'FAM-1',
          name: 'Ghosts',
          contacts: [{ name: 'Fine' }, { name: 'Ghost', user: 999999 }],
        });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'contacts[1].user' });
      expect(res.body.error).toContain('no res.users with id 999999');
      expect(creates()).toHaveLength(0);
    });

    test('when a nested many2one object names a user id no record has, then a 400 naming firm.user and no firm is created', async () => {
      const res = await request(h.url)
        .post(FAMILIES)
        .send({
          ref: 'FAM-2',
          name: 'Ghost firm',
          firm: { firm_id: 'FIRM-GHOST', name: 'Firm', user: 999999 },
        });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'firm.user' });
      expect(creates()).toHaveLength(0);
      expect(await partnersWithRef('FIRM-GHOST')).toBe(0);
    });

    test('when a nested id exceeds int4, then a 400 naming the nested key and Odoo is not asked about it', async () => {
      const res = await request(h.url)
        .post(FAMILIES)
        .send({ ref: 'FAM-3', name: 'Huge', contacts: [{ name: 'Huge', user: 3_000_000_000 }] });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'contacts[0].user' });
      expect(h.objectCalls().filter((call) => call.model === 'res.users')).toHaveLength(0);
    });

    test('when nested ids exist, then the record is created with them', async () => {
      const res = await request(h.url)
        .post(FAMILIES)
        .send({ ref: 'FAM-4', name: 'Real', contacts: [{ name: 'Admin contact', user: 2 }] });
      expect(res.status).toBe(201);
      const [contact] = await odoo.executeKw<Array<{ user_id: [number, string] | false }>>(
        'res.partner',
        'search_read',
        [[['parent_id', '=', res.body.id]]],
        { fields: ['user_id'] },
      );
      expect(contact?.user_id).toEqual([2, expect.any(String)]);
    });
  });

  describe('prototype keys inside nested objects (unknown_keys: reject)', () => {
    test.each([
      [
        'contacts[0].__proto__',
        '{"ref":"P-1","name":"P","contacts":[{"name":"C","__proto__":{"admin":true}}]}',
      ],
      ['contacts[0].constructor', '{"ref":"P-2","name":"P","contacts":[{"name":"C","constructor":{"x":1}}]}'],
      ['firm.__proto__', '{"ref":"P-3","name":"P","firm":{"firm_id":"PF","name":"F","__proto__":{"a":1}}}'],
      ['firm.constructor', '{"ref":"P-4","name":"P","firm":{"firm_id":"PF","name":"F","constructor":1}}'],
    ])('when the body holds %s, then a 400 naming it and nothing is created', async (lineId, json) => {
      const res = await rawJson(FAMILIES, json);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: lineId });
      expect(res.body.error).toContain('is not a key of this endpoint');
      expect(creates()).toHaveLength(0);
    });
  });

  describe('records created for nested many2one objects of a refused write', () => {
    const unlinks = () => h.objectCalls().filter((call) => call.modelMethod === 'unlink');

    test('when Odoo refuses the order after its new customer was created, then the customer is removed again', async () => {
      // A line without a product breaks sale.order.line's SQL constraint: Odoo refuses the order's create.
      const res = await request(h.url)
        .post(ORDERS)
        .send({
          ref: 'NM-1',
          customer: { customer_id: 'NM-BUYER-1', name: 'Orphan Buyer' },
          lines: [{ description: 'x' }],
        });
      expect(res.status).toBe(400);
      expect(res.body.error).toContain('Missing required fields on accountable sale order line');
      expect(creates().map((call) => call.model)).toEqual(['res.partner', 'sale.order']);
      expect(await partnersWithRef('NM-BUYER-1')).toBe(0);
      expect(unlinks().map((call) => call.model)).toEqual(['res.partner']);
    });

    test('when one batch item is refused and another saved, then only the refused item’s new customer is removed', async () => {
      const res = await request(h.url)
        .post(ORDERS)
        .send([
          {
            ref: 'NM-2',
            customer: { customer_id: 'NM-BUYER-2', name: 'Refused' },
            lines: [{ description: 'x' }],
          },
          {
            ref: 'NM-3',
            customer: { customer_id: 'NM-BUYER-3', name: 'Saved' },
            lines: [{ product: 1, quantity: 1 }],
          },
        ]);
      expect(res.body).toMatchObject({ created: 1, failed: 1 });
      expect(await partnersWithRef('NM-BUYER-2')).toBe(0);
      expect(await partnersWithRef('NM-BUYER-3')).toBe(1);
    });

    test('when the refused order names an existing customer, then that customer stays and nothing is unlinked', async () => {
      const res = await request(h.url)
        .post(ORDERS)
        .send({
          ref: 'NM-4',
          customer: { customer_id: 'C-1001', name: 'Azure' },
          lines: [{ description: 'x' }],
        });
      expect(res.status).toBe(400);
      expect(await partnersWithRef('C-1001')).toBe(1);
      expect(unlinks()).toHaveLength(0);
    });
  });
});
