/**
 * What a caller sees when Odoo fails, through the real app over the simulator's injected failures:
 * fault 1 → 502, fault 2 → 400, fault 3 → 503, fault 4 → 403, an HTML reply → 502, a hang → 504.
 * No error body may carry an Odoo traceback, a file path or Python source names.
 */
import request from 'supertest';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

const TRACEBACK =
  'Traceback (most recent call last):\n' +
  '  File "/usr/lib/python3/dist-packages/odoo/http.py", line 1889, in _serve_db\n' +
  '    return service_model.retrying(self._serve_ir_http, self.env)\n' +
  '  File "/usr/lib/python3/dist-packages/odoo/models.py", line 4721, in create\n' +
  "KeyError: 'x_secret_column'";

function expectNoInternals(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toContain('Traceback');
  expect(text).not.toContain('File \\"');
  expect(text).not.toContain('.py');
  expect(text).not.toContain('/usr/lib');
}

describe('Odoo failures as the caller sees them', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ timeoutMs: 400 });
  });
  afterAll(() => h.close());
  beforeEach(() => h.sim.controls.reset());

  const api = () => request(h.url);
  const getCustomer = () => api().get('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH);

  function expectError(res: request.Response, status: number, code: string): void {
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({
      success: false,
      error: expect.any(String),
      status_code: code,
      request_id: res.headers['x-request-id'],
    });
    expectNoInternals(res.body);
  }

  test('when Odoo answers fault 1 with a traceback, then 502 ODOO_ERROR with one readable line', async () => {
    h.sim.controls.injectFailure({
      kind: 'fault',
      code: 1,
      message: TRACEBACK,
      model: 'res.partner',
      method: 'web_search_read',
    });
    const res = await getCustomer();
    expectError(res, 502, 'ODOO_ERROR');
    expect(res.body.error).not.toMatch(/line \d+/);
  });

  test('when a create fails with fault 1, then 502 and the body holds no traceback', async () => {
    h.sim.controls.injectFailure({
      kind: 'fault',
      code: 1,
      message: TRACEBACK,
      model: 'res.partner',
      method: 'create',
    });
    const res = await api()
      .post('/bj_api_sync/v1/customers')
      .set(SHOP_AUTH)
      .send({ customer_id: 'C-5001', name: 'Fails' });
    expectError(res, 502, 'ODOO_ERROR');
  });

  test('when Odoo answers with an HTML error page, then 502 ODOO_ERROR', async () => {
    h.sim.controls.injectFailure({ kind: 'html', model: 'res.partner' });
    const res = await getCustomer();
    expectError(res, 502, 'ODOO_ERROR');
    expect(JSON.stringify(res.body)).not.toMatch(/<html|nginx/i);
  });

  test('when Odoo refuses values (fault 2, UserError), then 400 ODOO_VALIDATION_ERROR with its message', async () => {
    h.sim.controls.injectFailure({
      kind: 'fault',
      code: 2,
      message: 'The VAT number is not valid for Belgium',
      model: 'res.partner',
      method: 'write',
    });
    const res = await api().put('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH).send({ city: 'Gent' });
    expectError(res, 400, 'ODOO_VALIDATION_ERROR');
    expect(res.body.error).toContain('The VAT number is not valid for Belgium');
  });

  test('when Odoo denies the gateway user access (fault 4), then 403 FORBIDDEN', async () => {
    h.sim.controls.injectFailure({
      kind: 'fault',
      code: 4,
      message: 'You are not allowed to access Contact (res.partner) records.',
      model: 'res.partner',
    });
    const res = await getCustomer();
    expectError(res, 403, 'FORBIDDEN');
  });

  test('when Odoo refuses the gateway credentials (fault 3), then 503 ODOO_UNAVAILABLE with Retry-After', async () => {
    h.sim.controls.injectFailure({ kind: 'fault', code: 3, message: 'Access Denied', model: 'res.partner' });
    const res = await getCustomer();
    expectError(res, 503, 'ODOO_UNAVAILABLE');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  test('when Odoo does not answer in time, then 504 ODOO_TIMEOUT', async () => {
    h.sim.controls.injectFailure({ kind: 'hang', model: 'res.partner', method: 'web_search_read' });
    const started = Date.now();
    const res = await getCustomer();
    expectError(res, 504, 'ODOO_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('when a write hangs, then 504 and the caller is told the outcome is unknown', async () => {
    h.sim.controls.injectFailure({ kind: 'hang', model: 'res.partner', method: 'write' });
    const res = await api().put('/bj_api_sync/v1/customers/C-1001').set(SHOP_AUTH).send({ city: 'Gent' });
    expectError(res, 504, 'ODOO_TIMEOUT');
    expect(res.body.error).toMatch(/may or may not have been applied/);
  });

  test('when Odoo drops the connection unanswered, then 503 ODOO_UNAVAILABLE with Retry-After', async () => {
    h.sim.controls.injectFailure({ kind: 'reset', model: 'res.partner', method: 'web_search_read' });
    const res = await getCustomer();
    expectError(res, 503, 'ODOO_UNAVAILABLE');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  test('when Odoo fails once and recovers, then the next request is served normally', async () => {
    h.sim.controls.injectFailure({
      kind: 'fault',
      code: 1,
      message: TRACEBACK,
      method: 'web_search_read',
      times: 1,
    });
    expect((await getCustomer()).status).toBe(502);
    expect((await getCustomer()).status).toBe(200);
  });

  test('when Odoo fails, then the access log line has the status and the log has no traceback', async () => {
    h.sim.controls.injectFailure({ kind: 'fault', code: 1, message: TRACEBACK, method: 'web_search_read' });
    const res = await getCustomer().set('X-Request-ID', 'odoo-fails-1');
    expect(res.status).toBe(502);
    const lines = h.logs.filter((line) => line.includes('odoo-fails-1'));
    expect(lines.some((line) => /"message":"request"/.test(line) && /"status":502/.test(line))).toBe(true);
    for (const line of h.logs) {
      expect(line).not.toContain('Traceback');
      expect(line).not.toContain('/usr/lib/python3');
    }
  });
});
