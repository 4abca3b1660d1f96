/**
 * The simulator's session routes over real HTTP: login with a password (never an API key, never a
 * two-factor user), call_kw with the cookie, the call log, and lost sessions on one database
 * ("Odoo Session Expired") and on several (HTML 404), with the expire/restart controls.
 */
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { callKw, cookieOf, envelope, jsonRpc, login, request } from './simulator-http';

describe('simulator session routes on a single-database server', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({
      users: [
        { login: 'admin', password: 'admin', uid: 2, apiKey: 'admin-key-0001' },
        { login: 'guarded', password: 'guarded', uid: 7, totp: true },
      ],
    });
  });

  afterAll(async () => {
    await sim.close();
  });

  beforeEach(() => sim.controls.reset());

  test('when a user logs in with the password, then the cookie opens call_kw and the call is logged', async () => {
    const res = await login(sim);
    expect(res.json().result).toMatchObject({
      uid: 2,
      db: 'odoo',
      username: 'admin',
      server_version: '18.0',
    });
    expect(res.headers['set-cookie']?.[0]).toMatch(
      /^session_id=[\w-]{84}; Expires=.* GMT; Max-Age=604800; HttpOnly; Path=\/$/,
    );
    const count = await callKw(sim, cookieOf(res), 'res.partner', 'search_count', [
      [['is_company', '=', true]],
    ]);
    expect(count.json().result).toBe(11); // the ten demo companies and "My Company"
    expect(sim.controls.sessionLogins()).toBe(1);
    expect(sim.controls.callLog().at(-1)).toEqual({
      service: 'object',
      protocol: 'session',
      method: 'call_kw',
      model: 'res.partner',
      modelMethod: 'search_count',
      args: [[['is_company', '=', true]]],
      kwargs: {},
    });
  });

  test('when the API key is used as a session password, then the login is refused but XML-RPC takes it', async () => {
    const res = await login(sim, 'admin-key-0001');
    expect(res.json().error.data.name).toBe('odoo.exceptions.AccessDenied');
    expect(res.headers['set-cookie']).toBeUndefined();
    const rpc = await jsonRpc(sim, 'object', 'execute_kw', [
      'odoo',
      2,
      'admin-key-0001',
      'res.partner',
      'search_count',
      [[]],
    ]);
    expect(typeof rpc.json().result).toBe('number');
  });

  test('when a two-factor user logs in by session, then Access Denied (the API key route stays for them)', async () => {
    const res = await login(sim, 'guarded', 'guarded');
    expect(res.json().error.data.message).toBe('Access Denied');
  });

  test('when there is no cookie or the sessions expired, then call_kw answers code 100 "Odoo Session Expired"', async () => {
    const noCookie = await callKw(sim, null, 'res.partner', 'search_count', [[]]);
    expect(noCookie.status).toBe(200);
    expect(noCookie.json()).toMatchObject({
      id: null,
      error: { code: 100, message: 'Odoo Session Expired' },
    });
    const cookie = cookieOf(await login(sim));
    sim.controls.expireSessions();
    const expired = await callKw(sim, cookie, 'res.partner', 'search_count', [[]]);
    expect(expired.json().error.data.name).toBe('odoo.http.SessionExpiredException');
    sim.controls.restart();
    expect((await callKw(sim, cookie, 'res.partner', 'search_count', [[]])).json().error.code).toBe(100);
  });

  test('when web_search_read, web_save and web_read run through call_kw, then they answer the web shapes', async () => {
    const cookie = cookieOf(await login(sim));
    const spec = {
      name: {},
      country_id: { fields: { code: {}, display_name: {} } },
      category_id: { fields: { name: {} } },
    };
    const saved = await callKw(
      sim,
      cookie,
      'res.partner',
      'web_save',
      [[], { name: 'Web Shape', country_id: 20 }],
      {
        specification: spec,
      },
    );
    const id = saved.json().result[0].id as number;
    expect(saved.json().result).toEqual([
      { id, name: 'Web Shape', country_id: { id: 20, code: 'BE', display_name: 'Belgium' }, category_id: [] },
    ]);
    const page = await callKw(sim, cookie, 'res.partner', 'web_search_read', [], {
      domain: [['is_company', '=', true]],
      specification: { name: {} },
      limit: 3,
    });
    expect(page.json().result.length).toBe(11);
    expect(page.json().result.records).toHaveLength(3);
    const dotted = await callKw(sim, cookie, 'res.partner', 'web_read', [[id]], {
      specification: { 'country_id.code': {} },
    });
    expect(dotted.json().error.data.message).toBe("Invalid field 'country_id.code' on model 'res.partner'");
  });

  test('when logging out, then the new cookie names the database without a user (code 100)', async () => {
    const cookie = cookieOf(await login(sim));
    const out = await request(sim, '/web/session/logout?redirect=/web/login', '', { Cookie: cookie }, 'GET');
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/web/login');
    const after = await callKw(sim, cookieOf(out), 'res.partner', 'search_count', [[]]);
    expect(after.json().error.code).toBe(100);
  });
});

describe('simulator routes for junk paths', () => {
  test('when the path is junk, then werkzeug answers 404 and the server keeps answering', async () => {
    const sim = await startSimulator({});
    try {
      for (const junk of ['//xmlrpc/2/common', '/%zz?%%', '/web/session/authenticate/extra']) {
        expect((await request(sim, junk, envelope({}))).status).toBe(404);
      }
      expect((await request(sim, '/web/webclient/version_info', envelope({}))).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});

describe('simulator session routes on a multi-database server', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ multiDb: true, version: 17 });
  });

  afterAll(async () => {
    await sim.close();
  });

  test('when a call has no session or an unknown one, then the plain HTML 404 page answers', async () => {
    for (const cookie of [null, 'session_id=never-issued']) {
      const res = await callKw(sim, cookie, 'res.partner', 'search_count', [[]]);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<title>404 Not Found</title>');
    }
  });

  test('when the server restarts, then old cookies get the 404 page; expired ones get code 100', async () => {
    const cookie = cookieOf(await login(sim));
    expect((await callKw(sim, cookie, 'res.partner', 'search_count', [[]])).json().result).toBeGreaterThan(0);
    sim.controls.expireSessions();
    expect((await callKw(sim, cookie, 'res.partner', 'search_count', [[]])).json().error.code).toBe(100);
    sim.controls.restart();
    expect((await callKw(sim, cookie, 'res.partner', 'search_count', [[]])).status).toBe(404);
  });

  test('when the session is destroyed, then the old cookie is unknown and the new one names no database', async () => {
    const cookie = cookieOf(await login(sim));
    const destroyed = await request(sim, '/web/session/destroy', envelope({}), { Cookie: cookie });
    expect(destroyed.json()).toEqual({ jsonrpc: '2.0', id: 1 });
    expect((destroyed.headers['set-cookie'] ?? []).map((c) => c.split('=')[0])).toEqual([
      'cids',
      'session_id',
    ]);
    expect((await callKw(sim, cookie, 'res.partner', 'search_count', [[]])).status).toBe(404);
    expect((await callKw(sim, cookieOf(destroyed), 'res.partner', 'search_count', [[]])).status).toBe(404);
  });
});
