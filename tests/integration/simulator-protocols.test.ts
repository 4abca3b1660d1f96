/**
 * The simulator over real HTTP, driven by the npm `xmlrpc` client and raw JSON-RPC posts: logins,
 * lockouts, API keys, demo data, both protocols' error shapes, routes and connection handling.
 */
import http from 'node:http';
import xmlrpc from 'xmlrpc';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { post } from '../contract/transcript-helpers';

interface Fault {
  faultCode: number | string;
  faultString: string;
}

function client(sim: RunningSimulator, path: string): xmlrpc.Client {
  const { hostname, port } = new URL(sim.url);
  return xmlrpc.createClient({ host: hostname, port: Number(port), path });
}

function rpc(c: xmlrpc.Client, method: string, params: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) =>
    c.methodCall(method, params, (err, value) => (err ? reject(err) : resolve(value))),
  );
}

async function fault(p: Promise<unknown>): Promise<Fault> {
  try {
    await p;
  } catch (err) {
    return err as Fault;
  }
  throw new Error('expected a fault');
}

async function jsonrpc(sim: RunningSimulator, service: string, method: string, args: unknown[]) {
  const res = await post(
    sim.url,
    '/jsonrpc',
    JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 7, params: { service, method, args } }),
    'application/json',
  );
  return JSON.parse(res.body) as {
    id: number;
    result?: unknown;
    error?: { code: number; data: Record<string, unknown> };
  };
}

describe('simulator over XML-RPC and JSON-RPC (demo seed)', () => {
  let sim: RunningSimulator;
  let now = Date.UTC(2025, 0, 1);
  let common: xmlrpc.Client;
  let object: xmlrpc.Client;
  const kw = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    rpc(object, 'execute_kw', ['odoo', 2, 'admin', model, method, args, kwargs]);

  beforeAll(async () => {
    sim = await startSimulator({
      now: () => now,
      users: [
        { login: 'admin', password: 'admin', uid: 2 },
        { login: 'sync', password: 'secret', uid: 6, apiKey: 'key-123' },
      ],
    });
    common = client(sim, '/xmlrpc/2/common');
    object = client(sim, '/xmlrpc/2/object');
  });

  afterAll(async () => {
    await sim.close();
  });

  afterEach(() => sim.controls.reset());

  test('when started, then it reports its URL, database and default credentials', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect([sim.db, sim.username, sim.password]).toEqual(['odoo', 'admin', 'admin']);
  });

  test('when authenticating, then the right password gives the uid and a wrong one gives false', async () => {
    expect(await rpc(common, 'authenticate', ['odoo', 'admin', 'admin', {}])).toBe(2);
    expect(await rpc(common, 'authenticate', ['odoo', 'admin', 'nope', {}])).toBe(false);
    expect(await rpc(common, 'login', ['odoo', 'sync', 'secret'])).toBe(6);
  });

  test('when an API key is used as the password, then authenticate and execute_kw accept it', async () => {
    expect(await rpc(common, 'authenticate', ['odoo', 'sync', 'key-123', {}])).toBe(6);
    const count = await rpc(object, 'execute_kw', [
      'odoo',
      6,
      'key-123',
      'res.partner',
      'search_count',
      [[]],
    ]);
    expect(count).toBeGreaterThan(30);
  });

  test('when the password is wrong on execute_kw, then fault 3 Access Denied is raised', async () => {
    const f = await fault(rpc(object, 'execute_kw', ['odoo', 2, 'bad', 'res.partner', 'search', [[]]]));
    expect(f).toMatchObject({ faultCode: 3, faultString: 'Access Denied' });
  });

  test('when 5 logins fail, then the login is refused for 60 s even with the right password', async () => {
    for (let k = 0; k < 5; k++)
      expect(await rpc(common, 'authenticate', ['odoo', 'sync', 'bad', {}])).toBe(false);
    expect(await rpc(common, 'authenticate', ['odoo', 'sync', 'secret', {}])).toBe(false);
    const f = await fault(rpc(object, 'execute_kw', ['odoo', 6, 'secret', 'res.partner', 'search', [[]]]));
    expect(f.faultCode).toBe(3);
    expect(await rpc(common, 'authenticate', ['odoo', 'admin', 'admin', {}])).toBe(2);
    now += 61_000;
    expect(await rpc(common, 'authenticate', ['odoo', 'sync', 'secret', {}])).toBe(6);
  });

  test('when the database is unknown, then fault 1 carries psycopg2’s message without host or port', async () => {
    const f = await fault(rpc(common, 'authenticate', ['nope', 'admin', 'admin', {}]));
    expect(f.faultCode).toBe(1);
    expect(f.faultString).toMatch(/psycopg2\.OperationalError: .*database "nope" does not exist$/);
    expect(f.faultString).not.toMatch(/127\.0\.0\.1|port \d/);
  });

  test('when the demo data is read, then partners, tags, products and orders are there', async () => {
    expect(
      await kw('res.partner', 'search_read', [[['ref', '=', 'C-1001']]], {
        fields: ['name', 'is_company', 'child_ids', 'category_id'],
      }),
    ).toEqual([{ id: 10, name: 'Azure Interior', is_company: true, child_ids: [11, 12], category_id: [3] }]);
    expect(await kw('res.partner.category', 'search_read', [[]], { fields: ['name'], order: 'id' })).toEqual([
      { id: 1, name: 'VIP' },
      { id: 2, name: 'Retail' },
      { id: 3, name: 'Wholesale' },
    ]);
    expect(await kw('product.product', 'search_count', [[['default_code', '=like', 'SKU-%']]])).toBe(20);
    expect(
      await kw('sale.order', 'search_read', [[['state', '=', 'sale']]], { fields: ['name'], order: 'name' }),
    ).toEqual([
      { id: 2, name: 'S00002' },
      { id: 4, name: 'S00004' },
    ]);
    expect(await kw('res.partner', 'search_count', [[]])).toBeGreaterThanOrEqual(39);
  });

  test('when a batch create fails on one record, then nothing of the batch is stored', async () => {
    const f = await fault(
      kw('res.partner', 'create', [
        [
          { name: 'Batch 1', ref: 'BT-1' },
          { name: 'Batch 2', company_type: 'alien' },
        ],
      ]),
    );
    expect(f.faultString).toMatch(/ValueError: Wrong value for res.partner.company_type: 'alien'$/);
    expect(await kw('res.partner', 'search_count', [[['ref', '=', 'BT-1']]])).toBe(0);
    expect(await kw('res.partner', 'create', [[{ name: 'Batch 1' }, { name: 'Batch 2' }]])).toEqual([
      expect.any(Number),
      expect.any(Number),
    ]);
  });

  test('when JSON-RPC is used, then results and Odoo error objects come back in the envelope', async () => {
    const ok = await jsonrpc(sim, 'object', 'execute_kw', [
      'odoo',
      2,
      'admin',
      'res.country',
      'search_read',
      [[['code', '=', 'FR']]],
      { fields: ['name'] },
    ]);
    expect(ok).toEqual({ jsonrpc: '2.0', id: 7, result: [{ id: 75, name: 'France' }] });
    const bad = await jsonrpc(sim, 'object', 'execute_kw', [
      'odoo',
      2,
      'admin',
      'res.partner',
      'write',
      [[999999], { name: 'x' }],
    ]);
    expect(bad.error).toMatchObject({
      code: 200,
      message: 'Odoo Server Error',
      data: { name: 'odoo.exceptions.MissingError', context: {} },
    });
    const value = await jsonrpc(sim, 'object', 'execute_kw', [
      'odoo',
      2,
      'admin',
      'res.partner',
      'search',
      [[['x', '=', 1]]],
    ]);
    expect(value.error?.data).toMatchObject({
      name: 'builtins.ValueError',
      message: "Invalid field res.partner.x in leaf ('x', '=', 1)",
    });
  });

  test('when JSON-RPC gets a body that is not JSON, then a BadRequest error object comes back', async () => {
    const res = await post(sim.url, '/jsonrpc', '{nope', 'application/json');
    expect(JSON.parse(res.body)).toMatchObject({
      error: { code: 200, data: { name: 'werkzeug.exceptions.BadRequest' } },
    });
  });

  test('when the legacy /xmlrpc/object endpoint faults, then the fault code is a string like Odoo’s', async () => {
    const legacy = client(sim, '/xmlrpc/object');
    const f = await fault(rpc(legacy, 'execute_kw', ['odoo', 2, 'admin', 'no.such.model', 'search', [[]]]));
    expect(f.faultCode).toBe("warning -- UserError\n\nObject no.such.model doesn't exist");
    expect(await rpc(client(sim, '/xmlrpc/common'), 'version', [])).toMatchObject({ server_version: '18.0' });
  });

  test('when a path is unknown or the method is not POST, then werkzeug’s HTML 404/405 pages answer', async () => {
    const notFound = await post(sim.url, '/web/nothing', '', 'text/plain');
    expect(notFound.status).toBe(404);
    expect(notFound.body).toContain('<title>404 Not Found</title>');
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(`${sim.url}/xmlrpc/2/common`, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status).toBe(405);
  });

  test('when the XML body is malformed, then fault 1 comes back', async () => {
    const res = await post(sim.url, '/xmlrpc/2/object', '<methodCall><oops', 'text/xml');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<name>faultCode</name>\n<value><int>1</int></value>');
  });

  test('when keep-alive is off (the default), then every response says Connection: close', async () => {
    const res = await post(
      sim.url,
      '/xmlrpc/2/common',
      '<methodCall><methodName>version</methodName></methodCall>',
      'text/xml',
    );
    expect(res.headers.connection).toBe('close');
  });
});

describe('simulator with keepAlive: true', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ keepAlive: true, seed: 'base' });
  });
  afterAll(async () => {
    await sim.close();
  });

  test('when a keep-alive agent makes two calls, then both go over one socket', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    const once = () =>
      new Promise<string>((resolve, reject) => {
        const req = http.request(`${sim.url}/jsonrpc`, { method: 'POST', agent }, (res) => {
          sockets.add(res.socket);
          expect(res.headers.connection).toBe('keep-alive');
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve(body));
        });
        req.on('error', reject);
        req.end(
          JSON.stringify({
            jsonrpc: '2.0',
            method: 'call',
            id: 1,
            params: { service: 'common', method: 'version', args: [] },
          }),
        );
      });
    await once();
    await once();
    agent.destroy();
    expect(sockets.size).toBe(1);
  });
});
