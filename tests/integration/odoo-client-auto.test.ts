import net from 'node:net';
import { GatewayError } from '../../src/errors/gateway-error';
import type { OdooClientSettings } from '../../src/odoo/create-odoo-client';
import type { OdooClient } from '../../src/odoo/odoo-client';
import { TestClients } from './odoo-client-test-clients';
import {
  json2Value,
  JSON2_FILE,
  recorded,
  RecordedOdoo,
  Reply,
  SeenRequest,
  SESSION_FILE,
  startRecordedOdoo,
  XMLRPC_FILE,
} from './odoo-client-recorded-odoo';

const API_KEY = '0f3b-SECRET-api-key';
const PASSWORD = 'admin-SECRET-pw';

interface OdooKind {
  major: 16 | 18 | 19;
  /** Where the server has sessions (17+) and JSON-2 (19+), what it accepts there. */
  apiKeys: string[];
  passwords: string[];
}

/**
 * An Odoo of one version that answers the probe `auto` makes with the recorded answers: the web
 * client's version_info, JSON-2 key check (context_get), session login; and every model call with a count of 5.
 */
function answerFor(kind: OdooKind): (request: SeenRequest) => Reply {
  return (request) => {
    const { path } = request;
    if (path === '/web/webclient/version_info') {
      const version = recorded(SESSION_FILE, 'version_info');
      return { ...version, body: version.body.replace(/18/g, String(kind.major)) };
    }
    if (path === '/xmlrpc/2/common') {
      if (request.body.includes('<methodName>authenticate<')) return recorded(XMLRPC_FILE, 'authenticate_ok');
      const version = recorded(XMLRPC_FILE, 'version');
      return { ...version, body: version.body.replace(/18/g, String(kind.major)) };
    }
    if (path === '/xmlrpc/2/object') {
      const anInt = recorded(XMLRPC_FILE, 'authenticate_ok');
      return { ...anInt, body: anInt.body.replace('<int>2</int>', '<int>5</int>') };
    }
    if (path.startsWith('/json/2/') && kind.major >= 19) {
      const key = String(request.headers.authorization).replace(/^bearer /, '');
      if (!kind.apiKeys.includes(key)) return recorded(JSON2_FILE, 'error_401_wrong_key');
      return path === '/json/2/res.users/context_get'
        ? json2Value({ uid: 2 })
        : recorded(JSON2_FILE, 'search_count');
    }
    if (path === '/web/session/authenticate' && kind.major >= 17) {
      return kind.passwords.includes(String(request.json.password))
        ? recorded(SESSION_FILE, 'authenticate_ok')
        : recorded(SESSION_FILE, 'authenticate_apikey_as_password');
    }
    if (path.startsWith('/web/dataset/call_kw/') && kind.major >= 17)
      return recorded(SESSION_FILE, 'search_count');
    return recorded(SESSION_FILE, 'call_kw_no_cookie'); // Odoo's HTML 404 for a route it does not have
  };
}

let odoo: RecordedOdoo | undefined;
const clients = new TestClients({
  db: 'odoo',
  username: 'admin',
  password: PASSWORD,
  timeoutMs: 2000,
  connectTimeoutMs: 1000,
  maxConcurrency: 4,
});
const client = (url: string, overrides: Partial<OdooClientSettings> = {}) => clients.create(url, overrides);

afterEach(async () => {
  await clients.closeAll();
  await odoo?.close();
  odoo = undefined;
});

async function serve(kind: OdooKind): Promise<RecordedOdoo> {
  odoo = await startRecordedOdoo(answerFor(kind));
  return odoo;
}

const count = (gateway: OdooClient) =>
  gateway.executeKw('res.partner', 'search_count', [[]], {}, { readOnly: true });

describe('protocol auto', () => {
  it('when Odoo 19 accepts the credential as an API key, then JSON-2 is used and connection() says why', async () => {
    const server = await serve({ major: 19, apiKeys: [API_KEY], passwords: [PASSWORD] });
    const gateway = client(server.url, { password: API_KEY });
    expect(gateway.protocol).toBe('auto');
    await expect(gateway.connection()).resolves.toEqual({
      protocol: 'json2',
      reason: 'Odoo 19.0 accepted the credential as an API key on JSON-2',
      serverVersion: '19.0',
      serverMajor: 19,
    });
    expect(gateway.protocol).toBe('json2');
    await expect(count(gateway)).resolves.toBe(5);
    expect(server.to('/json/2/res.partner/search_count')).toHaveLength(1);
    expect(server.to('/web/session/authenticate')).toHaveLength(0);
  });

  it('when Odoo 19 gets a password, then JSON-2 refuses it and a session login is used', async () => {
    const server = await serve({ major: 19, apiKeys: [API_KEY], passwords: [PASSWORD] });
    const info = await client(server.url).connection();
    expect([info.protocol, info.reason]).toEqual([
      'session',
      'Odoo 19.0 accepted a session login with the credential',
    ]);
    expect(server.to('/web/session/authenticate')).toHaveLength(1);
  });

  it('when Odoo 18 gets an API key, then the one session login is refused and XML-RPC is used, without a second probe login', async () => {
    const server = await serve({ major: 18, apiKeys: [API_KEY], passwords: [PASSWORD] });
    const gateway = client(server.url, { password: API_KEY });
    const info = await gateway.connection();
    expect(info.protocol).toBe('xmlrpc');
    expect(info.reason).toMatch(
      /^Odoo 18\.0 did not accept the faster protocols \(an API key, or a user with two-factor/,
    );
    expect(info.reason).not.toContain(API_KEY);
    await expect(Promise.all([count(gateway), count(gateway)])).resolves.toEqual([5, 5]);
    await gateway.connection();
    expect(server.to('/web/session/authenticate')).toHaveLength(1);
    expect(server.to('/xmlrpc/2/object')).toHaveLength(2);
  });

  it('when Odoo 18 gets a password, then session is used; a burst of first calls waits for one probe', async () => {
    const server = await serve({ major: 18, apiKeys: [], passwords: [PASSWORD] });
    const gateway = client(server.url);
    await expect(Promise.all([count(gateway), count(gateway), count(gateway)])).resolves.toEqual([5, 5, 5]);
    expect(gateway.protocol).toBe('session');
    expect(server.to('/web/webclient/version_info')).toHaveLength(1);
    expect(server.to('/web/session/authenticate')).toHaveLength(1);
    expect(server.to('/web/dataset/call_kw/res.partner/search_count')).toHaveLength(3);
  });

  it('when Odoo is older than 17, then XML-RPC is used without any probe login', async () => {
    const server = await serve({ major: 16, apiKeys: [], passwords: [PASSWORD] });
    const info = await client(server.url).connection();
    expect([info.protocol, info.reason]).toEqual([
      'xmlrpc',
      'Odoo 16.0 is older than 17.0, so the gateway speaks XML-RPC to it',
    ]);
    expect(server.requests.map((r) => r.path)).toEqual(['/web/webclient/version_info']);
  });

  it('when a protocol is set by hand, then it is obeyed without probing, and the reason says so', async () => {
    const server = await serve({ major: 19, apiKeys: [API_KEY], passwords: [PASSWORD] });
    const info = await client(server.url, { protocol: 'xmlrpc', password: API_KEY }).connection();
    expect([info.protocol, info.reason, info.serverMajor]).toEqual(['xmlrpc', 'set in gateway.yaml', 19]);
    expect(server.requests).toHaveLength(1);
  });

  it('when the client is closed before it settled, then calls fail with a 503 and nothing is sent', async () => {
    const server = await serve({ major: 18, apiKeys: [], passwords: [PASSWORD] });
    const gateway = client(server.url);
    await gateway.close();
    const error = await count(gateway).catch((e: unknown) => e);
    expect([(error as GatewayError).status, (error as GatewayError).message]).toEqual([
      503,
      'The Odoo client is closed',
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it('when Odoo is unreachable at first, then connection() fails with a 503 and a later call probes again', async () => {
    const port = await freePort();
    const gateway = client(`http://127.0.0.1:${port}`, { connectTimeoutMs: 300 });
    const error = await gateway.connection().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).status).toBe(503);
    odoo = await startRecordedOdoo(answerFor({ major: 18, apiKeys: [], passwords: [PASSWORD] }), { port });
    await expect(count(gateway)).resolves.toBe(5);
    expect(gateway.protocol).toBe('session');
  });
});

/** A port nothing listens on yet. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
