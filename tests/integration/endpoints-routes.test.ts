/**
 * Every route of api.md the core serves, through the real app over the simulator: the success shapes,
 * 404/405/415/400/409 with the JSON error shape, the order of checks, X-Request-ID and the access log.
 */
import request from 'supertest';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

const TAGS_AUTH = { Authorization: `Basic ${Buffer.from('tags:tags-secret').toString('base64')}` };
const ERROR_SHAPE = {
  success: false,
  error: expect.any(String),
  status_code: expect.any(String),
  request_id: expect.any(String),
};

describe('routes of api.md', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.sim.controls.reset());

  const api = () => request(h.url);

  describe('success shapes', () => {
    test('when the list is read, then data, count, total, limit and offset are given', async () => {
      const res = await api().get('/bj_api_sync/v1/partner-tags').set(TAGS_AUTH);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        success: true,
        data: [{ name: 'Retail' }, { name: 'VIP' }, { name: 'Wholesale' }],
        count: 3,
        total: 3,
        limit: 100,
        offset: 0,
      });
    });

    test('when one record is read by its identifier, then data is that record', async () => {
      const res = await api().get('/bj_api_sync/v1/countries/BE');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, data: { code: 'BE', name: 'Belgium', currency: 'EUR' } });
    });

    test('when a record is created, then 201 with the Odoo id', async () => {
      const res = await api().post('/bj_api_sync/v1/partner-tags').set(TAGS_AUTH).send({ name: 'Gold' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ success: true, message: 'Record created', id: expect.any(Number) });
      const read = await api().get('/bj_api_sync/v1/partner-tags/Gold').set(TAGS_AUTH);
      expect(read.body.data).toEqual({ name: 'Gold' });
    });

    test('when PUT names the record in the path, then only the given keys change', async () => {
      const res = await api()
        .put('/bj_api_sync/v1/customers/C-1003')
        .set(SHOP_AUTH)
        .send({ city: 'Hartford' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, message: 'Record updated', id: expect.any(Number) });
      const read = await api().get('/bj_api_sync/v1/customers/C-1003').set(SHOP_AUTH);
      expect(read.body.data).toMatchObject({ customer_id: 'C-1003', city: 'Hartford', zip: '06824' });
    });

    test('when PUT names the record by the identifier key in the body, then that record is updated', async () => {
      const before = await api().get('/bj_api_sync/v1/customers/C-1004').set(SHOP_AUTH);
      const res = await api()
        .put('/bj_api_sync/v1/customers')
        .set(SHOP_AUTH)
        .send({ customer_id: 'C-1004', city: 'Hamburg' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, message: 'Record updated', id: expect.any(Number) });
      const after = await api().get('/bj_api_sync/v1/customers/C-1004').set(SHOP_AUTH);
      expect(after.body.data).toEqual({ ...before.body.data, city: 'Hamburg' });
    });

    test('when PUT without {id} has no identifier key in the body, then 400 names the key', async () => {
      const res = await api().put('/bj_api_sync/v1/customers').set(SHOP_AUTH).send({ city: 'Nowhere' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        ...ERROR_SHAPE,
        status_code: 'VALIDATION_ERROR',
        line_id: 'customer_id',
      });
    });

    test('when DELETE names the record in the path, then it is deleted', async () => {
      const res = await api().delete('/bj_api_sync/v1/partner-tags/Retail').set(TAGS_AUTH);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, message: 'Record deleted', id: expect.any(Number) });
      expect((await api().get('/bj_api_sync/v1/partner-tags/Retail').set(TAGS_AUTH)).status).toBe(404);
    });

    test('when DELETE names the record in the query, then it is deleted', async () => {
      const res = await api().delete('/bj_api_sync/v1/partner-tags?name=VIP').set(TAGS_AUTH);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, message: 'Record deleted', id: expect.any(Number) });
      expect((await api().get('/bj_api_sync/v1/partner-tags/VIP').set(TAGS_AUTH)).status).toBe(404);
    });

    test('when DELETE names no record, then 400 and nothing is deleted (never "delete all")', async () => {
      h.resetCalls();
      const res = await api().delete('/bj_api_sync/v1/partner-tags').set(TAGS_AUTH);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ...ERROR_SHAPE, status_code: 'VALIDATION_ERROR', line_id: 'name' });
      const twice = await api().delete('/bj_api_sync/v1/partner-tags?name=VIP&name=Retail').set(TAGS_AUTH);
      expect(twice.status).toBe(400);
      expect(h.objectCalls().filter((call) => call.modelMethod === 'unlink')).toEqual([]);
      expect((await api().get('/bj_api_sync/v1/partner-tags').set(TAGS_AUTH)).body.total).toBe(3);
    });

    test('when /health is called, then 200 without any Odoo call', async () => {
      h.resetCalls();
      const res = await api().get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ success: true });
      expect(h.sim.controls.callLog()).toEqual([]);
    });
  });

  describe('404', () => {
    test.each([
      ['an unknown endpoint', '/bj_api_sync/v1/nope'],
      ['an unknown endpoint with an id', '/bj_api_sync/v1/nope/1'],
      ['a path below a record', '/bj_api_sync/v1/countries/BE/extra'],
      ['a path outside the API', '/whatever'],
      ['the API root', '/bj_api_sync/v1'],
    ])('when %s is asked for, then 404 NOT_FOUND with the JSON error shape', async (_what, path) => {
      const res = await api().get(path).set('X-Request-ID', 'req-404');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        ...ERROR_SHAPE,
        status_code: 'NOT_FOUND',
        line_id: null,
        request_id: 'req-404',
      });
    });

    test('when the {id} is not valid percent-encoding, then 400 with the JSON error shape, not a 500', async () => {
      const res = await api().get('/bj_api_sync/v1/customers/%E0%A4%A').set(SHOP_AUTH);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ...ERROR_SHAPE, status_code: 'VALIDATION_ERROR' });
      expect((await api().get('/bj_api_sync/v1/%ZZ').set(SHOP_AUTH)).status).toBe(400);
    });

    test('when an unknown endpoint is asked for without credentials, then 404 comes before 401', async () => {
      const res = await api().post('/bj_api_sync/v1/nope').send({});
      expect(res.status).toBe(404);
    });

    test('when no record has the identifier, then 404 names the identifier key', async () => {
      const res = await api().get('/bj_api_sync/v1/customers/C-0000').set(SHOP_AUTH);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ ...ERROR_SHAPE, status_code: 'NOT_FOUND', line_id: 'customer_id' });
    });
  });

  describe('405', () => {
    test('when PATCH is sent, then 405 with Allow listing the enabled methods', async () => {
      const res = await api().patch('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH).send({ name: 'x' });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, PUT, DELETE');
      expect(res.body).toMatchObject({ ...ERROR_SHAPE, status_code: 'METHOD_NOT_ALLOWED' });
    });

    test('when POST is sent to /{id}, then 405 with Allow without POST', async () => {
      const res = await api().post('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH).send({ name: 'x' });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, PUT, DELETE');
    });

    test('when a method is not enabled on the endpoint, then 405 with Allow: GET and no Odoo call', async () => {
      h.resetCalls();
      for (const call of [
        api().put('/bj_api_sync/v1/countries/BE').send({ name: 'x' }),
        api().post('/bj_api_sync/v1/countries').send({ code: 'XX' }),
        api().delete('/bj_api_sync/v1/countries/BE'),
        api().delete('/bj_api_sync/v1/countries?code=BE'),
      ]) {
        const res = await call;
        expect(res.status).toBe(405);
        expect(res.headers.allow).toBe('GET');
        expect(res.body.status_code).toBe('METHOD_NOT_ALLOWED');
      }
      expect(h.objectCalls()).toEqual([]);
    });

    test('when DELETE is not enabled (products), then 405 with Allow listing GET, POST, PUT', async () => {
      const res = await api().delete('/bj_api_sync/v1/products/SKU-001').set(SHOP_AUTH);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, PUT');
      const list = await api().delete('/bj_api_sync/v1/products?sku=SKU-001').set(SHOP_AUTH);
      expect(list.headers.allow).toBe('GET, POST, PUT');
    });

    test('when PATCH is sent without credentials, then 401 comes before 405', async () => {
      const res = await api().patch('/bj_api_sync/v1/customers/C-1001').send({ name: 'x' });
      expect(res.status).toBe(401);
    });

    test('when a disabled method also has a bad body, then 405 comes before 415', async () => {
      const res = await api().put('/bj_api_sync/v1/countries/BE').set('Content-Type', 'text/plain').send('x');
      expect(res.status).toBe(405);
    });
  });

  describe('bodies', () => {
    test('when the body is text/plain, then 415 and Odoo is not called', async () => {
      h.resetCalls();
      const res = await api()
        .post('/bj_api_sync/v1/customers')
        .set(SHOP_AUTH)
        .set('Content-Type', 'text/plain')
        .send('customer_id=C-1');
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ ...ERROR_SHAPE, status_code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(h.objectCalls()).toEqual([]);
    });

    test('when the body is not valid JSON, then 400 INVALID_JSON', async () => {
      const res = await api()
        .put('/bj_api_sync/v1/customers/C-1001')
        .set(SHOP_AUTH)
        .set('Content-Type', 'application/json')
        .send('{"name": "x",');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ...ERROR_SHAPE, status_code: 'INVALID_JSON', line_id: null });
    });

    test.each([['"just a string"'], ['42'], ['null'], ['true']])(
      'when the body is valid JSON but not an object (%s), then 400 VALIDATION_ERROR, not INVALID_JSON',
      async (body) => {
        const res = await api()
          .post('/bj_api_sync/v1/customers')
          .set(SHOP_AUTH)
          .set('Content-Type', 'application/json')
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ ...ERROR_SHAPE, status_code: 'VALIDATION_ERROR' });
      },
    );

    test('when several keys are wrong, then every one is in details with its line_id and Odoo is not written', async () => {
      h.resetCalls();
      const res = await api()
        .post('/bj_api_sync/v1/customers')
        .set(SHOP_AUTH)
        .send({ email: 'not-an-email', is_company: 'yes', shoe_size: 42, contacts: [{ email: 'bad' }] });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ...ERROR_SHAPE, status_code: 'VALIDATION_ERROR' });
      const details = res.body.details as Array<{ line_id: string; error: string }>;
      expect(details.map((detail) => detail.line_id).sort()).toEqual([
        'contacts[0].email',
        'contacts[0].name',
        'customer_id',
        'email',
        'is_company',
        'name',
        'shoe_size',
      ]);
      expect(details.every((detail) => typeof detail.error === 'string' && detail.error !== '')).toBe(true);
      expect(res.body.line_id).toBe(details[0]?.line_id);
      expect(res.body.error).toBe(`${details[0]?.line_id}: ${details[0]?.error}`);
      expect(h.objectCalls().filter((call) => ['create', 'write'].includes(call.modelMethod ?? ''))).toEqual(
        [],
      );
    });

    test('when a read-only key is sent, then 400 names it', async () => {
      const res = await api()
        .put('/bj_api_sync/v1/sale-orders/PO-2025001')
        .set(SHOP_AUTH)
        .send({ state: 'cancel', amount_total: 0 });
      expect(res.status).toBe(400);
      expect((res.body.details as Array<{ line_id: string }>).map((d) => d.line_id).sort()).toEqual([
        'amount_total',
        'state',
      ]);
    });
  });

  describe('409', () => {
    test('when POST gives an identifier value that exists, then 409 CONFLICT and nothing is created', async () => {
      h.resetCalls();
      const res = await api()
        .post('/bj_api_sync/v1/customers')
        .set(SHOP_AUTH)
        .send({ customer_id: 'C-1001', name: 'Copy of Azure' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ ...ERROR_SHAPE, status_code: 'CONFLICT', line_id: 'customer_id' });
      expect(h.objectCalls().filter((call) => call.modelMethod === 'create')).toEqual([]);
    });

    test('when POST gives a tag name that exists, then 409 CONFLICT', async () => {
      const res = await api().post('/bj_api_sync/v1/partner-tags').set(TAGS_AUTH).send({ name: 'VIP' });
      expect(res.status).toBe(409);
      expect(res.body.status_code).toBe('CONFLICT');
    });
  });

  describe('X-Request-ID and the access log', () => {
    test('when a valid X-Request-ID is sent, then it is echoed and logged', async () => {
      const res = await api().get('/bj_api_sync/v1/countries/FR').set('X-Request-ID', 'shop-42.a:b_c-d');
      expect(res.headers['x-request-id']).toBe('shop-42.a:b_c-d');
      const lines = h.logs.filter((line) => line.includes('shop-42.a:b_c-d'));
      expect(lines.length).toBeGreaterThan(0);
    });

    test('when an invalid X-Request-ID is sent, then a new one is generated and echoed in the error', async () => {
      const res = await api().get('/bj_api_sync/v1/nope').set('X-Request-ID', 'has space<script>');
      expect(res.headers['x-request-id']).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
      expect(res.headers['x-request-id']).not.toContain('script');
      expect(res.body.request_id).toBe(res.headers['x-request-id']);
      const long = await api().get('/health').set('X-Request-ID', 'x'.repeat(129));
      expect(long.headers['x-request-id']).not.toBe('x'.repeat(129));
    });

    test('when requests are served, then each has exactly one access log line with its fields', async () => {
      const ids = ['log-list', 'log-one', 'log-put', 'log-404', 'log-405', 'log-health'];
      await api().get('/bj_api_sync/v1/customers?limit=2').set(SHOP_AUTH).set('X-Request-ID', ids[0]!);
      await api().get('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH).set('X-Request-ID', ids[1]!);
      await api()
        .put('/bj_api_sync/v1/customers/C-1001')
        .set(SHOP_AUTH)
        .set('X-Request-ID', ids[2]!)
        .send({ zip: '1050' });
      await api().get('/bj_api_sync/v1/customers/C-0000').set(SHOP_AUTH).set('X-Request-ID', ids[3]!);
      await api().patch('/bj_api_sync/v1/customers').set(SHOP_AUTH).set('X-Request-ID', ids[4]!);
      await api().get('/health').set('X-Request-ID', ids[5]!);
      const access = h.logs
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((entry) => entry.message === 'request');
      const expected: Array<[string, string, string | null, number]> = [
        ['log-list', 'GET', 'customers', 200],
        ['log-one', 'GET', 'customers', 200],
        ['log-put', 'PUT', 'customers', 200],
        ['log-404', 'GET', 'customers', 404],
        ['log-405', 'PATCH', 'customers', 405],
        ['log-health', 'GET', null, 200],
      ];
      for (const [id, method, endpoint, status] of expected) {
        const lines = access.filter((entry) => entry.request_id === id);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatchObject({ method, endpoint, status, ms: expect.any(Number) });
      }
      const calls = (id: string) => access.find((entry) => entry.request_id === id)?.odoo_calls as number;
      expect(calls('log-list')).toBeGreaterThanOrEqual(1); // web_search_read on Odoo 17+ (+ fields_get when first)
      expect(calls('log-put')).toBeGreaterThanOrEqual(2); // lookup + write
      expect(calls('log-405')).toBe(0);
      expect(calls('log-health')).toBe(0);
    });
  });
});
