/**
 * THE secret test, at the app level: requests carrying Basic credentials, Bearer tokens, a token in
 * the query string and a `password` key in the body, plus Odoo failures whose text holds the Odoo
 * password, leave no secret in any captured log line (debug level) and no Odoo internals in any body.
 */
import request from 'supertest';
import { Harness, SHOP_TOKEN, startHarness } from './support/gateway-harness';

const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

const TAGS_PASSWORD = 'tags-secret';
const WRONG_PASSWORD = 'wr0ng-Pa55-7781';
const WRONG_TOKEN = 'leaked-token-4f1c9e';
const QUERY_TOKEN = 'query-token-77aa01';
const BODY_PASSWORD = 'hunter2-body-Secret';
const BODY_TOKEN = 'api-key-in-body-5d5d';

describe('no secret in logs, no Odoo internals in bodies', () => {
  let h: Harness;
  /** Every error body the gateway answered in this file. */
  const errorBodies: unknown[] = [];
  beforeAll(async () => {
    h = await startHarness();
    h.sim.controls.reset();
    await send();
  });
  afterAll(() => h.close());

  async function keep(call: Promise<request.Response>): Promise<request.Response> {
    const res = await call;
    if (res.status >= 400) errorBodies.push(res.body);
    return res;
  }

  /** The traffic under test; each status is checked so the test cannot pass by sending nothing. */
  async function send(): Promise<void> {
    const api = () => request(h.url);
    const tags = '/bj_api_sync/v1/partner-tags';
    const customers = '/bj_api_sync/v1/customers';
    const statuses: number[] = [];
    const run = async (call: Promise<request.Response>) => statuses.push((await keep(call)).status);

    await run(
      api()
        .get(tags)
        .set('Authorization', `Basic ${basic('tags', TAGS_PASSWORD)}`),
    );
    await run(
      api()
        .post(tags)
        .set('Authorization', `Basic ${basic('tags', TAGS_PASSWORD)}`)
        .send({ name: 'Secretive' }),
    );
    await run(
      api()
        .get(tags)
        .set('Authorization', `Basic ${basic('tags', WRONG_PASSWORD)}`),
    );
    await run(api().get(customers).set('Authorization', `Bearer ${SHOP_TOKEN}`));
    await run(api().get(`${customers}/C-1001`).set('Authorization', `Bearer ${WRONG_TOKEN}`));
    await run(api().get(`${customers}?access_token=${QUERY_TOKEN}&limit=1`));
    await run(
      api()
        .post(customers)
        .set('Authorization', `Bearer ${SHOP_TOKEN}`)
        .send({ customer_id: 'C-7001', name: 'Pat', password: BODY_PASSWORD, api_key: BODY_TOKEN }),
    );
    await run(
      api()
        .put(`${customers}/C-1001`)
        .set('Authorization', `Bearer ${SHOP_TOKEN}`)
        .send({ city: 'Gent', password: BODY_PASSWORD }),
    );
    // Odoo failures whose text holds the Odoo password and a traceback.
    h.sim.controls.injectFailure({
      kind: 'fault',
      code: 1,
      message:
        'Traceback (most recent call last):\n  File "/opt/odoo/odoo/service/model.py", line 12, in execute\n' +
        `psycopg2.OperationalError: password authentication failed (password=${h.sim.password})`,
      method: 'web_search_read',
      times: 1,
    });
    await run(api().get(customers).set('Authorization', `Bearer ${SHOP_TOKEN}`));
    h.sim.controls.injectFailure({
      kind: 'fault',
      code: 2,
      message: `Wrong login/password: ${h.sim.password}`,
      method: 'create',
      times: 1,
    });
    await run(
      api()
        .post(customers)
        .set('Authorization', `Bearer ${SHOP_TOKEN}`)
        .send({ customer_id: 'C-7002', name: 'Quinn' }),
    );
    expect(statuses).toEqual([200, 201, 401, 200, 401, 401, 400, 400, 503, 400]);
  }

  test('when the traffic ran, then the logs were captured at debug level (the test has something to read)', () => {
    expect(h.logs.filter((line) => line.includes('"message":"request"'))).toHaveLength(10);
  });

  test.each([
    ['the shop bearer token', SHOP_TOKEN],
    ['a wrong bearer token', WRONG_TOKEN],
    ['a token in the query string', QUERY_TOKEN],
    ['the basic password', TAGS_PASSWORD],
    ['a wrong basic password', WRONG_PASSWORD],
    ['the base64 user:pass', basic('tags', TAGS_PASSWORD)],
    ['the wrong base64 user:pass', basic('tags', WRONG_PASSWORD)],
    ['a password in a body', BODY_PASSWORD],
    ['an api key in a body', BODY_TOKEN],
  ])('when requests carried %s, then no log line holds it', (_what, secret) => {
    const leaks = h.logs.filter((line) => line.includes(secret));
    expect(leaks).toEqual([]);
  });

  test("when Odoo's password was in the gateway's calls and in Odoo's fault texts, then no log line holds it", () => {
    // The simulator's password is "admin": look for it as a value, not inside other words.
    const password = h.sim.password;
    const asValue = new RegExp(`(^|[^A-Za-z0-9_])${password}($|[^A-Za-z0-9_])`);
    expect(h.logs.filter((line) => asValue.test(line))).toEqual([]);
  });

  test("when Odoo's password was in Odoo's fault texts, then no error body holds it", () => {
    const asValue = new RegExp(`(^|[^A-Za-z0-9_])${h.sim.password}($|[^A-Za-z0-9_])`);
    expect(errorBodies.map((body) => JSON.stringify(body)).filter((text) => asValue.test(text))).toEqual([]);
  });

  test('when errors were answered, then no body holds a traceback, a Python file or a secret', () => {
    expect(errorBodies.length).toBeGreaterThanOrEqual(6);
    for (const body of errorBodies) {
      const text = JSON.stringify(body);
      expect(text).not.toContain('Traceback');
      expect(text).not.toContain('File \\"');
      expect(text).not.toContain('.py');
      expect(text).not.toContain('/opt/odoo');
      for (const secret of [
        SHOP_TOKEN,
        WRONG_TOKEN,
        QUERY_TOKEN,
        TAGS_PASSWORD,
        WRONG_PASSWORD,
        BODY_PASSWORD,
      ]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  test('when a token was in the query string, then the logged path shows it redacted', () => {
    const line = h.logs.find(
      (entry) => entry.includes('"message":"request"') && entry.includes('access_token'),
    );
    expect(line).toBeDefined();
    expect(line).toContain('limit=1');
  });
});
