import request from 'supertest';
import { TempConfig, writeTempConfig } from './support/temp-config';
import { Harness, startHarness } from './support/gateway-harness';

const FILES: Record<string, string> = {
  'orders.yaml': `
endpoint: orders
model: sale.order
methods: [GET, POST, PUT]
auth: { type: none }
fields:
  - { key: ref, field: client_order_ref, identifier: true, required: true }
  - { key: customer, field: partner_id, mapping: buyer, required: true }
  - { key: lines, field: order_line, mapping: order-line, x2many: replace }
`,
  'buyer.yaml': `
mapping: buyer
model: res.partner
fields:
  - { key: customer_id, field: ref, identifier: true }
  - { key: name, field: name, required: true }
  - { key: country, field: country_id, relation: { model: res.country, match: code } }
  - { key: tags, field: category_id, relation: { model: res.partner.category, match: name } }
`,
  'vip-buyers.yaml': `
endpoint: vip-buyers
model: res.partner
methods: [GET, POST]
auth: { type: none }
domain: [['customer_rank', '>', 0]]
defaults: { customer_rank: 1 }
fields:
  - { key: customer_id, field: ref, identifier: true }
  - { key: name, field: name, required: true }
`,
  'vip-orders.yaml': `
endpoint: vip-orders
model: sale.order
methods: [GET, POST]
auth: { type: none }
fields:
  - { key: ref, field: client_order_ref, identifier: true, required: true }
  - { key: customer, field: partner_id, mapping: vip-buyers, required: true }
`,
  'order-line.yaml': `
mapping: order-line
model: sale.order.line
fields:
  - { key: label, field: name, identifier: true, required: true }
  - { key: sku, field: product_id, relation: { model: product.product, match: default_code }, required: true }
  - { key: quantity, field: product_uom_qty }
`,
};

describe('nested mappings on input', () => {
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

  const lines = [{ label: 'Chairs', sku: 'SKU-001', quantity: 4 }];

  test('when a nested many2one object names an existing record, then it is matched by its identifier, not created', async () => {
    h.resetCalls();
    const res = await request(h.url)
      .post('/bj_api_sync/v1/orders')
      .send({ ref: 'N-1', customer: { customer_id: 'C-1001', name: 'Azure Interior' }, lines });
    expect(res.status).toBe(201);
    expect(
      h.objectCalls().filter((c) => c.model === 'res.partner' && c.modelMethod === 'create'),
    ).toHaveLength(0);
    const read = await request(h.url).get('/bj_api_sync/v1/orders/N-1');
    expect(read.body.data.customer).toEqual({
      customer_id: 'C-1001',
      name: 'Azure Interior',
      country: 'BE',
      tags: ['Wholesale'],
    });
    expect(read.body.data.lines).toEqual([{ label: 'Chairs', sku: 'SKU-001', quantity: 4 }]);
  });

  test('when a nested many2one object is unknown, then it is created once with its own relations resolved', async () => {
    const res = await request(h.url)
      .post('/bj_api_sync/v1/orders')
      .send({ ref: 'N-2', customer: { customer_id: 'NEW-1', name: 'New Buyer', country: 'FR' }, lines });
    expect(res.status).toBe(201);
    const read = await request(h.url).get('/bj_api_sync/v1/orders/N-2');
    expect(read.body.data.customer).toEqual({
      customer_id: 'NEW-1',
      name: 'New Buyer',
      country: 'FR',
      tags: [],
    });
  });

  test('when a nested endpoint creates the record, then its defaults apply and the next request finds it', async () => {
    const order = (ref: string) => ({ ref, customer: { customer_id: 'VIP-NEW', name: 'New VIP' } });
    expect((await request(h.url).post('/bj_api_sync/v1/vip-orders').send(order('V-1'))).status).toBe(201);
    h.resetCalls();
    expect((await request(h.url).post('/bj_api_sync/v1/vip-orders').send(order('V-2'))).status).toBe(201);
    expect(h.objectCalls().filter((c) => c.model === 'res.partner' && c.modelMethod === 'create')).toEqual(
      [],
    );
    expect((await request(h.url).get('/bj_api_sync/v1/vip-buyers/VIP-NEW')).status).toBe(200);
  });

  test('when a nested object is invalid, then 400 names the nested key and nothing is created', async () => {
    h.resetCalls();
    const res = await request(h.url)
      .post('/bj_api_sync/v1/orders')
      .send({ ref: 'N-3', customer: { customer_id: 'NEW-2', country: 'ZZ' }, lines });
    expect(res.status).toBe(400);
    expect(res.body.line_id).toBe('customer.name');
    expect(h.objectCalls().some((c) => c.modelMethod === 'create')).toBe(false);

    const unknownCountry = await request(h.url)
      .post('/bj_api_sync/v1/orders')
      .send({ ref: 'N-3', customer: { customer_id: 'NEW-2', name: 'X', country: 'ZZ' }, lines });
    expect(unknownCountry.status).toBe(400);
    expect(unknownCountry.body).toMatchObject({ line_id: 'customer.country' });
    expect(unknownCountry.body.error).toContain('"ZZ"');
  });

  test('when a tag does not exist and the line may not create it, then 400 names the nested key and the tag', async () => {
    h.resetCalls();
    const res = await request(h.url)
      .post('/bj_api_sync/v1/orders')
      .send({ ref: 'N-4', customer: { customer_id: 'NEW-3', name: 'Y', tags: ['VIP', 'Platinum'] }, lines });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'customer.tags' });
    expect(res.body.error).toBe('customer.tags: no res.partner.category with name "Platinum"');
    expect(h.objectCalls().some((c) => c.modelMethod === 'create')).toBe(false);
  });

  test('when lines are replaced on update, then matching lines are updated in place, new ones added, others removed', async () => {
    const created = await request(h.url)
      .post('/bj_api_sync/v1/orders')
      .send({
        ref: 'N-5',
        customer: { customer_id: 'C-1001', name: 'Azure Interior' },
        lines: [
          { label: 'Chairs', sku: 'SKU-001', quantity: 4 },
          { label: 'Desks', sku: 'SKU-002', quantity: 1 },
        ],
      });
    expect(created.status).toBe(201);
    const orderLines = async () => {
      const res = await request(h.url).get('/bj_api_sync/v1/orders/N-5');
      return res.body.data.lines as { label: string; quantity: number }[];
    };
    expect(await orderLines()).toHaveLength(2);
    h.resetCalls();
    const updated = await request(h.url)
      .put('/bj_api_sync/v1/orders/N-5')
      .send({
        lines: [
          { label: 'Desks', sku: 'SKU-002', quantity: 3 },
          { label: 'Lamps', sku: 'SKU-003', quantity: 2 },
        ],
      });
    expect(updated.status).toBe(200);
    const write = h.objectCalls().find((c) => c.model === 'sale.order' && c.modelMethod === 'write');
    const commands = (write?.args[1] as { order_line: unknown[][] }).order_line;
    expect(commands.map((command) => command[0]).sort()).toEqual([0, 1, 2]);
    expect(await orderLines()).toEqual([
      { label: 'Desks', sku: 'SKU-002', quantity: 3 },
      { label: 'Lamps', sku: 'SKU-003', quantity: 2 },
    ]);
  });
});
