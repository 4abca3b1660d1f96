/**
 * The simulator's version modes over real HTTP: what 17, 18 and 19 say about themselves, JSON-2 only
 * on 19, Odoo 19's deprecation warnings (XML-RPC and /jsonrpc only), `X-Odoo-Database` honoured by
 * 19 alone, the stateless-call cost of multi-database servers, and keep-alive on every route.
 */
import { startSimulator, type OdooVersion, type RunningSimulator } from '../../src/simulator';
import { envelope, json2, jsonRpc, login, request } from './simulator-http';

const started: RunningSimulator[] = [];

async function simulator(options: Parameters<typeof startSimulator>[0]): Promise<RunningSimulator> {
  const sim = await startSimulator(options);
  started.push(sim);
  return sim;
}

afterAll(async () => {
  await Promise.all(started.map((sim) => sim.close()));
});

describe('simulator version modes', () => {
  test.each([17, 18, 19] as OdooVersion[])(
    'when the simulator runs as %i, then every route names that version',
    async (version) => {
      const sim = await simulator({ version });
      const serie = `${version}.0`;
      expect((await jsonRpc(sim, 'common', 'version', [])).json().result.server_serie).toBe(serie);
      expect(
        (await request(sim, '/web/webclient/version_info', envelope({}))).json().result.server_version,
      ).toBe(serie);
      const web = await request(sim, '/web/version', '', {}, 'GET');
      expect(web.body).toBe(`{"version_info": [${version}, 0, 0, "final", 0, ""], "version": "${serie}"}`);
      expect(sim.version).toBe(version);
    },
  );

  test('when JSON-2 is called on 18, then the route does not exist', async () => {
    const sim = await simulator({ version: 18 });
    expect((await json2(sim, 'res.partner', 'search_count', { domain: [] })).status).toBe(404);
  });

  test('when 19 serves XML-RPC, /jsonrpc, session and JSON-2 calls, then only the first two log a deprecation warning', async () => {
    const lines: string[] = [];
    const sim = await simulator({ version: 19, log: (line) => lines.push(line) });
    await jsonRpc(sim, 'common', 'version', []);
    await login(sim);
    await json2(sim, 'res.partner', 'search_count', { domain: [] });
    await request(
      sim,
      '/xmlrpc/2/common',
      '<?xml version="1.0"?><methodCall><methodName>version</methodName></methodCall>',
    );
    expect(sim.controls.deprecationWarnings()).toBe(2);
    expect(lines).toEqual(sim.controls.serverLog());
    expect(lines[0]).toMatch(/^WARNING \/jsonrpc is deprecated and scheduled for removal in Odoo 20/);
  });
});

describe('simulator JSON-2 (19)', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await simulator({ version: 19 });
  });

  test('when one dict is created, then the answer is a list of ids and the call log names the model method', async () => {
    const res = await json2(sim, 'res.partner', 'create', { vals_list: { name: 'Json Two' } });
    expect(res.status).toBe(200);
    const [id] = res.json() as number[];
    expect(typeof id).toBe('number');
    expect(sim.controls.callLog().at(-1)).toEqual({
      service: 'object',
      protocol: 'json2',
      method: 'json2',
      model: 'res.partner',
      modelMethod: 'create',
      args: [],
      kwargs: { vals_list: { name: 'Json Two' } },
    });
    const me = await json2(sim, 'res.users', 'context_get', {});
    expect(me.json()).toEqual({ lang: 'en_US', tz: 'Europe/Brussels', uid: 2 });
    const read = await json2(sim, 'res.partner', 'read', { ids: [id], fields: ['name'] });
    expect(read.body).toBe(`[{"id": ${id}, "name": "Json Two"}]`);
  });

  test('when the bearer key is wrong or the method unbound, then 401 and 422 with Odoo error bodies', async () => {
    const wrong = await json2(
      sim,
      'res.partner',
      'search_count',
      { domain: [] },
      { Authorization: 'bearer nope' },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer');
    expect(wrong.json()).toMatchObject({
      name: 'werkzeug.exceptions.Unauthorized',
      message: 'Invalid apikey',
    });
    const unbound = await json2(sim, 'res.partner', 'write', { ids: [1] });
    expect(unbound.status).toBe(422);
    expect(unbound.json().message).toBe("missing a required argument: 'vals'");
  });

  test('when the key is set through the controls, then the old key stops working everywhere and the new one works', async () => {
    const old = sim.apiKey;
    sim.controls.setApiKey('fresh-key-0002');
    expect(sim.apiKey).toBe('fresh-key-0002');
    expect((await json2(sim, 'res.partner', 'search_count', { domain: [] })).status).toBe(200);
    const stale = await json2(
      sim,
      'res.partner',
      'search_count',
      { domain: [] },
      { Authorization: `bearer ${old}` },
    );
    expect(stale.status).toBe(401);
    // Unlike Odoo 18's ormcache (odoo-18.0-session.json), a revoked key is refused at once.
    const rpc = await jsonRpc(sim, 'object', 'execute_kw', [
      sim.db,
      2,
      old,
      'res.partner',
      'search_count',
      [[]],
    ]);
    expect(rpc.json().error.data.name).toBe('odoo.exceptions.AccessDenied');
  });
});

describe('simulator X-Odoo-Database and the stateless-call cost', () => {
  test('when 18 gets an unknown X-Odoo-Database, then it ignores the header; 19 answers the HTML 404', async () => {
    const headers = { 'X-Odoo-Database': 'elsewhere' };
    const on18 = await simulator({ version: 18 });
    expect((await jsonRpc(on18, 'common', 'version', [], headers)).status).toBe(200);
    const on19 = await simulator({ version: 19 });
    const refused = await jsonRpc(on19, 'common', 'version', [], headers);
    expect(refused.status).toBe(404);
    expect(refused.body).toContain('No database is selected');
  });

  test('when a multi-db 19 server costs 300 ms per stateless call, then only calls without the database pay', async () => {
    const sim = await simulator({ version: 19, multiDb: true, statelessCallMs: 300 });
    const db = { 'X-Odoo-Database': sim.db };
    const stateless = await jsonRpc(sim, 'common', 'version', []);
    const fixed = await jsonRpc(sim, 'common', 'version', [], db);
    const bearer = await json2(sim, 'res.partner', 'search_count', { domain: [] }, db);
    expect(stateless.ms).toBeGreaterThanOrEqual(290);
    expect(fixed.ms).toBeLessThan(290);
    expect(bearer.ms).toBeLessThan(290);
    expect(bearer.status).toBe(200);
  });

  test('when the server hosts one database, then no call pays the stateless cost', async () => {
    const sim = await simulator({ version: 18, statelessCallMs: 300 });
    expect((await jsonRpc(sim, 'common', 'version', [])).ms).toBeLessThan(290);
  });

  test('when keepAlive is on, then session and JSON-2 answers do not close the connection', async () => {
    const keepAlive = { Connection: 'keep-alive' };
    const sim = await simulator({ version: 19, keepAlive: true });
    const session = await request(sim, '/web/webclient/version_info', envelope({}), keepAlive);
    expect(session.headers.connection).toBe('keep-alive');
    const bearer = await json2(sim, 'res.partner', 'search_count', { domain: [] }, keepAlive);
    expect(bearer.headers.connection).toBe('keep-alive');
    const closing = await simulator({ version: 19 });
    const closed = await json2(closing, 'res.partner', 'search_count', { domain: [] }, keepAlive);
    expect(closed.headers.connection).toBe('close');
  });
});
