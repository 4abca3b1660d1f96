import { createOdooClient, OdooClientSettings } from '../../src/odoo/create-odoo-client';
import type { OdooCallInfo, OdooClient } from '../../src/odoo/odoo-client';
import { GatewayError } from '../../src/errors/gateway-error';
import { FakeHandler, FakeOdoo, SeenCall, startFakeOdoo, xmlFault, xmlResult } from './odoo-client-fake-odoo';

const PASSWORD = 'pw-SECRET-123';
const VERSION = {
  server_version: '18.0',
  server_version_info: [18, 0, 0, 'final', 0, ''],
  protocol_version: 1,
};

let fake: FakeOdoo | undefined;
const clients: OdooClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await fake?.close();
  fake = undefined;
});

async function clientFor(
  handler: FakeHandler,
  overrides: Partial<OdooClientSettings> = {},
  calls?: OdooCallInfo[],
) {
  fake = await startFakeOdoo(handler);
  const client = createOdooClient(
    {
      url: fake.url,
      db: 'odoo',
      username: 'admin',
      password: PASSWORD,
      timeoutMs: 2000,
      connectTimeoutMs: 1000,
      maxConcurrency: 4,
      protocol: 'xmlrpc',
      ...overrides,
      ...(overrides.url ? { url: `${fake.url}${overrides.url}` } : {}),
    },
    { onCallEnd: (info) => calls?.push(info) },
  );
  clients.push(client);
  return { client, server: fake };
}

/** Answers like Odoo 18 unless `overrides` says otherwise for a method. */
function odooLike(overrides: Record<string, FakeHandler> = {}): FakeHandler {
  return (call: SeenCall) => {
    const override = overrides[call.method];
    if (override) return override(call);
    if (call.method === 'version') return xmlResult(VERSION);
    if (call.method === 'authenticate') return xmlResult(2);
    return xmlResult([{ id: 20, code: 'BE' }]);
  };
}

async function errorOf(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GatewayError)) throw new Error(`expected a GatewayError, got ${String(error)}`);
  expect(error.message).not.toContain(PASSWORD);
  return error;
}

describe('OdooClient over XML-RPC against a local fake Odoo', () => {
  it('when version() is called, then Odoo is asked without a login', async () => {
    const { client, server } = await clientFor(odooLike());
    await expect(client.version()).resolves.toEqual(VERSION);
    expect(server.calls.map((c) => `${c.path} ${c.method}`)).toEqual(['/xmlrpc/2/common version']);
  });

  it('when the URL has a path prefix, then the calls go under it', async () => {
    const { client, server } = await clientFor(odooLike(), { url: '/odoo/' });
    await client.executeKw('res.country', 'search_read', [[]]);
    expect(server.calls.map((c) => c.path)).toEqual(['/odoo/xmlrpc/2/common', '/odoo/xmlrpc/2/object']);
  });

  it('when executeKw is called, then it sends db, the cached uid, password, model, method, args and kwargs', async () => {
    const { client, server } = await clientFor(odooLike());
    const result = await client.executeKw('res.country', 'search_read', [[['code', '=', 'BE']]], {
      fields: ['code'],
    });
    expect(result).toEqual([{ id: 20, code: 'BE' }]);
    expect(server.calls[1]?.params).toEqual([
      'odoo',
      2,
      PASSWORD,
      'res.country',
      'search_read',
      [[['code', '=', 'BE']]],
      { fields: ['code'] },
    ]);
  });

  it('when any call is made (version, login, execute_kw), then it names the database in X-Odoo-Database', async () => {
    const { client, server } = await clientFor(odooLike());
    await client.version();
    await client.executeKw('res.partner', 'search_count', [[]]);
    expect(server.calls.map((c) => [c.method, c.headers['x-odoo-database']])).toEqual([
      ['version', 'odoo'],
      ['authenticate', 'odoo'],
      ['execute_kw', 'odoo'],
    ]);
  });

  it('when many first calls start at once, then Odoo sees one authenticate', async () => {
    const { client, server } = await clientFor(odooLike());
    await Promise.all(Array.from({ length: 6 }, () => client.executeKw('res.partner', 'search_count', [[]])));
    await client.executeKw('res.partner', 'search_count', [[]]);
    expect(server.calls.filter((c) => c.method === 'authenticate')).toHaveLength(1);
  });

  it('when Odoo answers authenticate with false, then 503 and no new login until the pause is over', async () => {
    const { client, server } = await clientFor(odooLike({ authenticate: () => xmlResult(false) }), {
      loginPauseMs: 300,
    });
    const first = await errorOf(client.executeKw('res.partner', 'search', [[]]));
    expect([first.status, first.message]).toEqual([
      503,
      "Odoo refused the gateway's login (check ODOO_USERNAME / ODOO_PASSWORD)",
    ]);
    const second = await errorOf(client.authenticate());
    expect(second.status).toBe(503);
    expect(server.calls).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await errorOf(client.authenticate());
    expect(server.calls).toHaveLength(2);
  });

  it('when the database does not exist, then 503 names the database and nothing of the traceback', async () => {
    const fault =
      'Traceback (most recent call last):\n  ...\nKeyError: \'nodb\'\npsycopg2.OperationalError: connection to server at "127.0.0.1", port 5433 failed: FATAL:  database "nodb" does not exist';
    const { client } = await clientFor(odooLike({ authenticate: () => xmlFault(1, fault) }), { db: 'nodb' });
    const error = await errorOf(client.executeKw('res.partner', 'search', [[]]));
    expect([error.status, error.message]).toEqual([
      503,
      "Odoo database 'nodb' is not available (check ODOO_DB)",
    ]);
  });

  it('when Odoo answers fault 3 once, then the client logs in again once and the call succeeds', async () => {
    let denied = false;
    const { client, server } = await clientFor(
      odooLike({
        execute_kw: () => {
          if (denied) return xmlResult(42);
          denied = true;
          return xmlFault(3, 'Access Denied');
        },
      }),
    );
    await expect(client.executeKw('res.partner', 'create', [{ name: 'A' }])).resolves.toBe(42);
    expect(server.calls.map((c) => c.method)).toEqual([
      'authenticate',
      'execute_kw',
      'authenticate',
      'execute_kw',
    ]);
  });

  it('when Odoo keeps answering fault 3, then the client logs in again once only and answers 503', async () => {
    const { client, server } = await clientFor(odooLike({ execute_kw: () => xmlFault(3, 'Access Denied') }));
    const error = await errorOf(client.executeKw('res.partner', 'write', [[1], { name: 'B' }]));
    expect([error.status, error.code]).toEqual([503, 'ODOO_UNAVAILABLE']);
    expect(server.calls.map((c) => c.method)).toEqual([
      'authenticate',
      'execute_kw',
      'authenticate',
      'execute_kw',
    ]);
  });

  it('when Odoo answers fault 2 for a missing record, then 404 with the first line only', async () => {
    const { client } = await clientFor(
      odooLike({
        execute_kw: () =>
          xmlFault(2, 'Record does not exist or has been deleted.\n(Record: res.partner(999999,), User: 2)'),
      }),
    );
    const error = await errorOf(client.executeKw('res.partner', 'write', [[999999], { name: 'x' }]));
    expect([error.status, error.message]).toEqual([404, 'Record does not exist or has been deleted.']);
  });

  it('when a proxy answers with an HTML 502 page, then OdooError 502 and the HTML is not parsed', async () => {
    const html = {
      status: 502,
      contentType: 'text/html',
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    };
    const { client } = await clientFor(() => html);
    const error = await errorOf(client.version());
    expect([error.status, error.code, error.message]).toEqual([
      502,
      'ODOO_ERROR',
      'Odoo answered with HTTP 502 and a non-XML-RPC body',
    ]);
  });

  it('when Odoo answers HTTP 200 with an HTML page, then it is not parsed as XML-RPC either', async () => {
    const { client } = await clientFor(() => ({ contentType: 'text/html', body: '<html>Login</html>' }));
    const error = await errorOf(client.version());
    expect([error.status, error.message]).toEqual([
      502,
      'Odoo answered with HTTP 200 and a non-XML-RPC body',
    ]);
  });

  it('when the endpoint answers 404, then OdooError points at the URL setting', async () => {
    const { client } = await clientFor(() => ({ status: 404, contentType: 'text/html', body: 'Not Found' }));
    const error = await errorOf(client.version());
    expect([error.status, error.message]).toEqual([
      502,
      'Odoo answered HTTP 404 on /xmlrpc/2/common: check ODOO_URL (and its path prefix, if any)',
    ]);
  });

  it('when calls end, then the observer hears service, model, method, duration and outcome of each', async () => {
    const calls: OdooCallInfo[] = [];
    const { client } = await clientFor(odooLike(), {}, calls);
    await client.executeKw('res.partner', 'search_read', [[]], {}, { readOnly: true });
    expect(calls.map(({ ms: _ms, ...rest }) => rest)).toEqual([
      { service: 'common', model: null, method: 'authenticate', outcome: 'ok' },
      { service: 'object', model: 'res.partner', method: 'search_read', outcome: 'ok' },
    ]);
    expect(calls.every((c) => c.ms >= 0)).toBe(true);
    expect(JSON.stringify(calls)).not.toContain(PASSWORD);
  });

  it('when several calls are made, then they reuse one keep-alive connection', async () => {
    const { client, server } = await clientFor(odooLike());
    for (let i = 0; i < 5; i++) await client.executeKw('res.partner', 'search_count', [[]]);
    expect(server.connections()).toBe(1);
  });

  it('when the client is closed, then later calls fail with 503', async () => {
    const { client } = await clientFor(odooLike());
    await client.close();
    const error = await errorOf(client.version());
    expect([error.status, error.message]).toEqual([503, 'The Odoo client is closed']);
  });
});
