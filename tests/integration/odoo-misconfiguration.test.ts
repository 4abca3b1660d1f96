/**
 * The gateway's own Odoo settings are wrong (API key, database): every caller gets a 503 that tells
 * ops which setting to fix, never the caller's fault, never a secret; and Odoo is not hammered with
 * failed logins (it locks a login out after 5 failures a minute). Real HTTP into the app, the real
 * wire to the simulator.
 */
import request from 'supertest';
import { API_KEY_REFUSED_MESSAGE, LOGIN_REFUSED_MESSAGE } from '../../src/odoo/classify-fault';
import { DEFAULT_API_KEY, SimulatorCall } from '../../src/simulator';
import { Harness, HarnessOptions, SHOP_AUTH, startHarness } from './support/gateway-harness';

const WRONG_KEY = 'wrong-key-0000000000000000000000000000000';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function harness(options: HarnessOptions): Promise<Harness> {
  h = await startHarness(options);
  return h;
}

/** Reads from `count` callers at once, then `count` more: what each of them was told. */
async function burstOfReads(gateway: Harness, count: number): Promise<request.Response[]> {
  const burst = () =>
    Promise.all(
      Array.from({ length: count }, () =>
        request(gateway.url)
          .get('/bj_api_sync/v1/customers/C-1001')
          .set(SHOP_AUTH)
          .then((res) => res),
      ),
    );
  return [...(await burst()), ...(await burst())];
}

/** Every credential check Odoo saw: logins on XML-RPC / JSON-RPC / session, key checks on JSON-2. */
function credentialChecks(calls: readonly SimulatorCall[]): string[] {
  return calls
    .filter((call) => call.method === 'authenticate' || call.modelMethod === 'context_get')
    .map((call) => `${call.protocol} ${call.modelMethod ?? call.method}`);
}

function expectOpsError(responses: request.Response[], message: RegExp | string, secret: string): void {
  for (const res of responses) {
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ success: false, status_code: 'ODOO_UNAVAILABLE' });
    if (typeof message === 'string') expect(res.body.error).toBe(message);
    else expect(res.body.error).toMatch(message);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Traceback|\.py\b|<html/i);
  }
}

describe('a wrong API key on Odoo 19', () => {
  it('when json2 is set by hand, then every caller gets a 503 naming ODOO_PASSWORD and Odoo saw one key check', async () => {
    const gw = await harness({
      simulator: { version: 19 },
      env: { ODOO_PASSWORD: WRONG_KEY, ODOO_PROTOCOL: 'json2' },
    });
    const responses = await burstOfReads(gw, 5);
    expectOpsError(responses, API_KEY_REFUSED_MESSAGE, WRONG_KEY);
    expect(credentialChecks(gw.sim.controls.callLog())).toEqual(['json2 context_get']);
  });

  it('when protocol is auto, then every caller gets a 503 naming ODOO_PASSWORD and each protocol was tried once', async () => {
    const gw = await harness({ simulator: { version: 19 }, env: { ODOO_PASSWORD: WRONG_KEY } });
    const responses = await burstOfReads(gw, 5);
    expectOpsError(responses, LOGIN_REFUSED_MESSAGE, WRONG_KEY);
    expect(credentialChecks(gw.sim.controls.callLog())).toEqual([
      'json2 context_get',
      'session authenticate',
      'xmlrpc authenticate',
    ]);
  });
});

describe('an unknown database (ODOO_DB) on a multi-database Odoo', () => {
  it('when json2 is used on Odoo 19, then every caller gets a 503 naming ODOO_DB', async () => {
    const gw = await harness({
      simulator: { version: 19, multiDb: true },
      env: { ODOO_DB: 'no_such_db', ODOO_PASSWORD: DEFAULT_API_KEY, ODOO_PROTOCOL: 'json2' },
    });
    expectOpsError(await burstOfReads(gw, 3), /check ODOO_DB/, DEFAULT_API_KEY);
  });

  it('when session is used on Odoo 18, then every caller gets a 503 naming ODOO_DB', async () => {
    const gw = await harness({
      simulator: { multiDb: true },
      env: { ODOO_DB: 'no_such_db', ODOO_PROTOCOL: 'session' },
    });
    expectOpsError(
      await burstOfReads(gw, 3),
      "Odoo database 'no_such_db' is not available (check ODOO_DB)",
      gw.config.settings.odoo.password,
    );
  });
});

describe('Odoo 19 deprecation warnings', () => {
  async function crudCycle(gw: Harness): Promise<number[]> {
    const api = () => request(gw.url);
    const statuses = [
      (
        await api()
          .post('/bj_api_sync/v1/customers')
          .set(SHOP_AUTH)
          .send({ customer_id: 'C-8001', name: 'New' })
      ).status,
      (await api().get('/bj_api_sync/v1/customers/C-8001').set(SHOP_AUTH)).status,
      (await api().put('/bj_api_sync/v1/customers/C-8001').set(SHOP_AUTH).send({ phone: '+32 2 1' })).status,
      (await api().get('/bj_api_sync/v1/customers?limit=5').set(SHOP_AUTH)).status,
      (await api().delete('/bj_api_sync/v1/customers/C-8001').set(SHOP_AUTH)).status,
    ];
    return statuses;
  }

  it('when the gateway talks to Odoo 19 with an API key and protocol auto, then a CRUD cycle logs no deprecation warning', async () => {
    const gw = await harness({ simulator: { version: 19 }, env: { ODOO_PASSWORD: DEFAULT_API_KEY } });
    expect(await crudCycle(gw)).toEqual([201, 200, 200, 200, 200]);
    expect(gw.sim.controls.deprecationWarnings()).toBe(0);
  });

  it('when xmlrpc is set by hand, then the same cycle makes Odoo 19 log deprecation warnings', async () => {
    const gw = await harness({
      simulator: { version: 19 },
      env: { ODOO_PASSWORD: DEFAULT_API_KEY, ODOO_PROTOCOL: 'xmlrpc' },
    });
    expect(await crudCycle(gw)).toEqual([201, 200, 200, 200, 200]);
    expect(gw.sim.controls.deprecationWarnings()).toBeGreaterThan(0);
  });
});
