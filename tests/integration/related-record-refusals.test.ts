/**
 * Related records a write creates first (a nested many2one object, a `create_missing` value) can be
 * refused by Odoo. Only the items that need the refused record fail; the rest of the batch is saved.
 */
import request from 'supertest';
import { TempConfig, writeTempConfig } from './support/temp-config';
import { Harness, startHarness } from './support/gateway-harness';

const FILES: Record<string, string> = {
  'orders.yaml': `
endpoint: orders
model: sale.order
methods: [GET, POST]
auth: { type: none }
fields:
  - { key: ref, field: client_order_ref, identifier: true, required: true }
  - { key: customer, field: partner_id, mapping: buyer, required: true }
`,
  'buyer.yaml': `
mapping: buyer
model: res.partner
fields:
  - { key: customer_id, field: ref, identifier: true }
  - { key: name, field: name, required: true }
  - { key: parent, field: parent_id }
`,
  'tagged.yaml': `
endpoint: tagged
model: res.partner
methods: [GET, POST]
auth: { type: none }
fields:
  - { key: customer_id, field: ref, identifier: true, required: true }
  - { key: name, field: name, required: true }
  - key: tags
    field: category_id
    relation: { model: res.partner.category, match: name, create_missing: true }
`,
};

describe('related records Odoo refuses to create', () => {
  let h: Harness;
  let config: TempConfig;

  beforeAll(async () => {
    config = writeTempConfig(FILES);
    h = await startHarness({ configPath: config.configPath });
  });
  afterAll(async () => {
    await h.close();
    config.remove();
  });
  /** Odoo refuses the next `times` tag creates, as a ValidationError would. */
  const refuseTagCreates = (times: number) =>
    h.sim.controls.injectFailure({
      kind: 'fault',
      code: 2,
      message: 'This tag name is reserved',
      model: 'res.partner.category',
      method: 'create',
      times,
    });

  beforeEach(() => {
    h.sim.controls.injectFailure(null);
    h.resetCalls();
  });

  test('when Odoo refuses the nested many2one object of one batch item, then only that item fails', async () => {
    // The batch's buyers go in one create, then (refused) one by one: the first of those is refused too.
    h.sim.controls.injectFailure({
      kind: 'fault',
      code: 2,
      message: 'This customer is blocked',
      model: 'res.partner',
      method: 'create',
      times: 2,
    });
    const bodies = [
      { ref: 'RF-1', customer: { customer_id: 'RB-1', name: 'Refused Buyer' } },
      { ref: 'RF-2', customer: { customer_id: 'RB-2', name: 'Good Buyer' } },
    ];
    const res = await request(h.url).post('/bj_api_sync/v1/orders').send(bodies);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: false, created: 1, failed: 1 });
    expect(res.body.results[0]).toMatchObject({
      index: 0,
      success: false,
      status_code: 'ODOO_VALIDATION_ERROR',
    });
    expect(res.body.results[1]).toMatchObject({ index: 1, success: true, message: 'Record created' });
    expect((await request(h.url).get('/bj_api_sync/v1/orders/RF-2')).body.data.customer).toMatchObject({
      customer_id: 'RB-2',
    });
    expect((await request(h.url).get('/bj_api_sync/v1/orders/RF-1')).status).toBe(404);
  });

  test('when Odoo refuses the create_missing value of one batch item, then only that item fails', async () => {
    // The combined tag create is refused, then its first half: the first item's tag is the culprit.
    refuseTagCreates(2);
    const bodies = [
      { customer_id: 'RT-1', name: 'Refused Tag', tags: ['Reserved'] },
      { customer_id: 'RT-2', name: 'Good Tag', tags: ['Fresh'] },
    ];
    const res = await request(h.url).post('/bj_api_sync/v1/tagged').send(bodies);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: false, created: 1, failed: 1 });
    expect(res.body.results[0]).toMatchObject({
      success: false,
      status_code: 'ODOO_VALIDATION_ERROR',
      error: 'This tag name is reserved',
    });
    const saved = await request(h.url).get('/bj_api_sync/v1/tagged/RT-2');
    expect(saved.body.data.tags).toEqual(['Fresh']);
    expect((await request(h.url).get('/bj_api_sync/v1/tagged/RT-1')).status).toBe(404);
  });

  test('when the one record of a single write names a refused value, then its answer is Odoo’s refusal', async () => {
    refuseTagCreates(1);
    const res = await request(h.url)
      .post('/bj_api_sync/v1/tagged')
      .send({ customer_id: 'RT-3', name: 'Alone', tags: ['Reserved'] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      status_code: 'ODOO_VALIDATION_ERROR',
      error: 'This tag name is reserved',
    });
  });
});
