import request from 'supertest';
import { TempConfig, writeTempConfig } from './support/temp-config';
import { Harness, startHarness } from './support/gateway-harness';

const ENDPOINT = `
endpoint: leads
model: res.partner
methods: [GET, POST, PUT]
auth: { type: none }
fields:
  - { key: ref, field: ref, identifier: true }
  - { key: name, field: name, required: true }
  - { key: email, field: email }
  - key: label
    direction: out
    compute: "name & ' <' & (email ? email : '-') & '>'"
  - key: phone
    field: phone
    compute_in: "$replace(phone, /[^0-9+]/, '')"
  - key: mobile
    field: mobile
    compute_in: "$number(mobile) > 0 ? $string(mobile) : $error('mobile must be a positive number')"
  - { key: source, field: comment, value: web-shop }
  - { key: is_company, field: is_company, default: true }
  - { key: country_name, field: country_id.name, direction: out }
  - { key: country_currency, field: country_id.currency_id.name, direction: out }
  - { key: parent_is_company, field: parent_id.is_company, direction: out }
  - { key: parent_created, field: parent_id.create_date, direction: out }
  - { key: parent_country, field: parent_id.country_id, direction: out }
  - key: ref_number
    direction: out
    compute: "$number(ref)"
`;

describe('computed values, constants, defaults and dotted paths', () => {
  let h: Harness;
  let config: TempConfig;

  beforeAll(async () => {
    config = writeTempConfig({ 'leads.yaml': ENDPOINT });
    h = await startHarness({ configPath: config.configPath });
  });
  afterAll(async () => {
    await h.close();
    config.remove();
  });

  test('when a lead is created, then compute_in, value and default are written and compute/dotted paths are read', async () => {
    const created = await request(h.url)
      .post('/bj_api_sync/v1/leads')
      .send({ ref: 'L-1', name: 'Ada', email: 'ada@example.com', phone: '+32 (2) 555-01.02', mobile: 477 });
    expect(created.status).toBe(201);
    const call = h.objectCalls().find((c) => c.modelMethod === 'create');
    // One record or a vals_list of one: either way these are the values Odoo received.
    const vals = Array.isArray(call?.args[0]) ? (call?.args[0] as unknown[])[0] : call?.args[0];
    expect(vals).toMatchObject({
      phone: '+3225550102',
      mobile: '477',
      comment: 'web-shop',
      is_company: true,
    });

    const read = await request(h.url).get('/bj_api_sync/v1/leads/L-1');
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({
      label: 'Ada <ada@example.com>',
      source: 'web-shop',
      is_company: true,
    });
  });

  test('when an input expression fails, then 400 carries the line_id of its line and nothing is written', async () => {
    h.resetCalls();
    const res = await request(h.url)
      .post('/bj_api_sync/v1/leads')
      .send({ ref: 'L-2', name: 'Bob', mobile: -5 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'mobile' });
    expect(res.body.error).toContain('mobile must be a positive number');
    expect(h.objectCalls().some((c) => c.modelMethod === 'create')).toBe(false);
  });

  test('when an output expression fails, then the value is null, the error is logged, and the request succeeds', async () => {
    const res = await request(h.url).get('/bj_api_sync/v1/leads/C-1001');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      ref: 'C-1001',
      ref_number: null,
      country_name: 'Belgium',
      country_currency: 'EUR',
      label: 'Azure Interior <info@azureinterior.example.com>',
    });
    expect(
      h.logs.some((line) => line.includes('compute expression failed') && line.includes('ref_number')),
    ).toBe(true);
  });

  test('when a dotted path ends on a boolean, datetime or many2one, then it renders by the type of that field', async () => {
    const contact = await request(h.url).get('/bj_api_sync/v1/leads?limit=1&name=Brandon Freeman');
    expect(contact.status).toBe(200);
    const [row] = contact.body.data as Record<string, unknown>[];
    expect(row).toMatchObject({ parent_is_company: true, parent_country: 20 });
    expect(row?.parent_created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const company = await request(h.url).get('/bj_api_sync/v1/leads/C-1001');
    expect(company.body.data).toMatchObject({
      parent_is_company: null,
      parent_created: null,
      parent_country: null,
    });
  });

  test('when a list is filtered on a dotted key, then the value is typed by the field the path ends on', async () => {
    const res = await request(h.url).get(
      '/bj_api_sync/v1/leads?country_name=Belgium&fields=ref,country_name&limit=200',
    );
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.every((row: { country_name: string }) => row.country_name === 'Belgium')).toBe(true);
    const bad = await request(h.url).get('/bj_api_sync/v1/leads?parent_is_company=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'parent_is_company' });
  });
});
