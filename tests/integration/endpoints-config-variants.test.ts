/**
 * The app over a temporary configuration: the shipped endpoints plus two more, with `body_limit: 1kb`.
 * Covers 413, an endpoint identified by the Odoo id (typed: `/partners/abc` is a 400), and an
 * identifier that is ambiguous because the endpoint has no domain.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { Harness, REPO_ROOT, SHOP_AUTH, startHarness } from './support/gateway-harness';

const GATEWAY_YAML = `
server: { host: 127.0.0.1, port: 8080, body_limit: 1kb }
odoo:
  url: \${ODOO_URL}
  db: \${ODOO_DB}
  username: \${ODOO_USERNAME}
  password: \${ODOO_PASSWORD}
endpoints_dir: endpoints
`;

/** Every partner by its Odoo id: no identifier line, no domain, unlink on delete. */
const PARTNERS_YAML = `
endpoint: partners
model: res.partner
methods: [GET, PUT, DELETE]
auth: { type: none }
fields:
  - { key: name, field: name }
  - { key: ref, field: ref }
`;

/** Every partner by ref, contacts included: a ref shared by a company and a contact is ambiguous here. */
const PARTNERS_BY_REF_YAML = `
endpoint: partners-by-ref
model: res.partner
methods: [GET]
auth: { type: none }
fields:
  - { key: ref, field: ref, identifier: true }
  - { key: name, field: name }
`;

describe('a gateway with a 1kb body limit and id-identified endpoints', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-config-'));
    const endpoints = path.join(dir, 'endpoints');
    fs.mkdirSync(endpoints);
    const shipped = path.join(REPO_ROOT, 'config/endpoints');
    for (const file of fs.readdirSync(shipped))
      fs.copyFileSync(path.join(shipped, file), path.join(endpoints, file));
    fs.writeFileSync(path.join(endpoints, 'partners.yaml'), PARTNERS_YAML);
    fs.writeFileSync(path.join(endpoints, 'partners-by-ref.yaml'), PARTNERS_BY_REF_YAML);
    fs.writeFileSync(path.join(dir, 'gateway.yaml'), GATEWAY_YAML);
    h = await startHarness({ configPath: path.join(dir, 'gateway.yaml') });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => h.sim.controls.reset());

  const api = () => request(h.url);

  describe('413', () => {
    test('when the body is over body_limit, then 413 PAYLOAD_TOO_LARGE and Odoo is not called', async () => {
      h.resetCalls();
      const res = await api()
        .post('/bj_api_sync/v1/customers')
        .set(SHOP_AUTH)
        .send({ customer_id: 'C-9', name: 'x'.repeat(2000) });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({
        success: false,
        status_code: 'PAYLOAD_TOO_LARGE',
        line_id: null,
        request_id: expect.any(String),
      });
      expect(h.objectCalls()).toEqual([]);
    });

    test('when the body is under body_limit, then it goes through', async () => {
      const res = await api()
        .post('/bj_api_sync/v1/customers')
        .set(SHOP_AUTH)
        .send({ customer_id: 'C-9', name: 'x'.repeat(500) });
      expect(res.status).toBe(201);
    });

    test('when an oversized body has no credentials, then 401 comes first', async () => {
      const res = await api()
        .post('/bj_api_sync/v1/customers')
        .send({ name: 'x'.repeat(2000) });
      expect(res.status).toBe(401);
    });
  });

  describe('an endpoint identified by the Odoo id', () => {
    test('when the id is a positive integer, then the record is read', async () => {
      const res = await api().get('/bj_api_sync/v1/partners/10');
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ name: 'Azure Interior', ref: 'C-1001' });
    });

    test.each([['abc'], ['0'], ['-1'], ['1.5'], ['10abc']])(
      'when the id is %s, then 400 VALIDATION_ERROR on id (not 404) and Odoo is not asked',
      async (id) => {
        h.resetCalls();
        const res = await api().get(`/bj_api_sync/v1/partners/${id}`);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'id' });
        expect(h.objectCalls().filter((call) => call.modelMethod !== 'fields_get')).toEqual([]);
      },
    );

    test('when the id does not exist, then 404', async () => {
      const res = await api().get('/bj_api_sync/v1/partners/999999');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ status_code: 'NOT_FOUND', line_id: 'id' });
    });

    test('when PUT names the record by id in the body, then that record is updated', async () => {
      const res = await api().put('/bj_api_sync/v1/partners').send({ id: 13, name: 'Deco Addict SA' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, message: 'Record updated', id: 13 });
      expect((await api().get('/bj_api_sync/v1/partners/13')).body.data.name).toBe('Deco Addict SA');
    });

    test('when DELETE names the record by id in the query, then it is unlinked', async () => {
      const res = await api().delete('/bj_api_sync/v1/partners?id=11');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, message: 'Record deleted', id: 11 });
      expect((await api().get('/bj_api_sync/v1/partners/11')).status).toBe(404);
      const bad = await api().delete('/bj_api_sync/v1/partners?id=eleven');
      expect(bad.status).toBe(400);
    });
  });

  describe('an identifier shared by two records of an endpoint without domain', () => {
    test('when a company and a contact share a ref, then 409 AMBIGUOUS_IDENTIFIER here and 200 on customers', async () => {
      const shared = await api().put('/bj_api_sync/v1/partners/11').send({ ref: 'C-1001' });
      expect(shared.status).toBe(200);
      const res = await api().get('/bj_api_sync/v1/partners-by-ref/C-1001');
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ status_code: 'AMBIGUOUS_IDENTIFIER', line_id: 'ref' });
      const customer = await api().get('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH);
      expect(customer.status).toBe(200);
    });
  });
});
