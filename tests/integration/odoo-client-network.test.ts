import net from 'node:net';
import { createOdooClient, OdooClientSettings } from '../../src/odoo/create-odoo-client';
import { neverReachedOdoo } from '../../src/odoo/transport-failure';
import type { OdooCallInfo, OdooClient } from '../../src/odoo/odoo-client';
import { GatewayError } from '../../src/errors/gateway-error';
import { FakeHandler, FakeOdoo, SeenCall, startFakeOdoo, xmlResult } from './odoo-client-fake-odoo';

const PASSWORD = 'pw-SECRET-123';

let fake: FakeOdoo | undefined;
const clients: OdooClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await fake?.close();
  fake = undefined;
});

function makeClient(
  url: string,
  overrides: Partial<OdooClientSettings> = {},
  calls?: OdooCallInfo[],
): OdooClient {
  const client = createOdooClient(
    {
      url,
      db: 'odoo',
      username: 'admin',
      password: PASSWORD,
      timeoutMs: 2000,
      connectTimeoutMs: 1000,
      maxConcurrency: 4,
      protocol: 'xmlrpc',
      ...overrides,
    },
    { onCallEnd: (info) => calls?.push(info) },
  );
  clients.push(client);
  return client;
}

/** Logs in normally, then hands execute_kw calls to `onExecute`. */
async function fakeWith(onExecute: FakeHandler): Promise<FakeOdoo> {
  fake = await startFakeOdoo((call: SeenCall) =>
    call.method === 'authenticate' ? xmlResult(2) : onExecute(call),
  );
  return fake;
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

/** A port nothing listens on: bound, then released. */
async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('OdooClient network failures', () => {
  it('when a write gets no answer in time, then 504 says the outcome is unknown and the socket is closed', async () => {
    const server = await fakeWith(() => ({ hang: true }));
    const client = makeClient(server.url, { timeoutMs: 150 });
    await client.authenticate();
    const error = await errorOf(client.executeKw('res.partner', 'create', [{ name: 'A' }]));
    expect([error.status, error.code, error.message]).toEqual([
      504,
      'ODOO_TIMEOUT',
      'Odoo did not answer within 150 ms; the change may or may not have been applied. Retrying with the same Idempotency-Key is safe.',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.active()).toBe(0);
    expect(server.calls.filter((c) => c.method === 'execute_kw')).toHaveLength(1);
    expect(client.load()).toEqual({ inFlight: 0, queued: 0 });
  });

  it('when a read gets no answer within its own timeout, then 504 without the write warning and no retry', async () => {
    const server = await fakeWith(() => ({ hang: true }));
    const client = makeClient(server.url);
    await client.authenticate();
    const started = Date.now();
    const error = await errorOf(
      client.executeKw('res.partner', 'search_read', [[]], {}, { readOnly: true, timeoutMs: 100 }),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect([error.status, error.message]).toEqual([504, 'Odoo did not answer within 100 ms']);
    expect(server.calls.filter((c) => c.method === 'execute_kw')).toHaveLength(1);
  });

  it('when the port is closed, then 503, the call is retried once, and the error proves Odoo never saw it', async () => {
    const calls: OdooCallInfo[] = [];
    const client = makeClient(await closedPortUrl(), {}, calls);
    const error = await errorOf(client.version());
    expect([error.status, error.code, error.message]).toEqual([
      503,
      'ODOO_UNAVAILABLE',
      'Odoo is not reachable (connection refused)',
    ]);
    expect(error.headers['Retry-After']).toBe('5');
    expect(neverReachedOdoo(error)).toBe(true);
    expect(calls.map((c) => c.outcome)).toEqual(['unavailable', 'unavailable']);
  });

  it('when Odoo drops the connection on a read, then the read is retried once and succeeds', async () => {
    let drops = 0;
    const server = await fakeWith(() => (drops++ === 0 ? { destroy: true } : xmlResult(7)));
    const client = makeClient(server.url);
    await expect(client.executeKw('res.partner', 'search_count', [[]], {}, { readOnly: true })).resolves.toBe(
      7,
    );
    expect(server.calls.filter((c) => c.method === 'execute_kw')).toHaveLength(2);
  });

  it('when Odoo drops the connection on a write, then it is not retried and the outcome is unknown', async () => {
    const server = await fakeWith(() => ({ destroy: true }));
    const client = makeClient(server.url);
    const error = await errorOf(client.executeKw('res.partner', 'unlink', [[1]]));
    expect(error.status).toBe(503);
    expect(error.message).toContain('the change may or may not have been applied');
    expect(neverReachedOdoo(error)).toBe(false);
    expect(server.calls.filter((c) => c.method === 'execute_kw')).toHaveLength(1);
  });

  it('when a reply is larger than maxResponseBytes, then 502 instead of buffering it all', async () => {
    const server = await fakeWith(() => xmlResult('x'.repeat(10_000)));
    const client = makeClient(server.url, { maxResponseBytes: 2000 });
    const error = await errorOf(client.executeKw('res.partner', 'read', [[1]], {}, { readOnly: true }));
    expect([error.status, error.code]).toEqual([502, 'ODOO_ERROR']);
  });

  it('when more calls are made than maxConcurrency, then Odoo never sees more at once and the rest queue', async () => {
    const release: Array<() => void> = [];
    const server = await fakeWith(
      () => new Promise((resolve) => release.push(() => resolve(xmlResult(true)))),
    );
    const queue: string[] = [];
    const client = createOdooClient(
      {
        url: server.url,
        db: 'odoo',
        username: 'admin',
        password: PASSWORD,
        timeoutMs: 2000,
        connectTimeoutMs: 1000,
        maxConcurrency: 2,
        protocol: 'xmlrpc',
      },
      { onQueueChange: (inFlight, queued) => queue.push(`${inFlight}/${queued}`) },
    );
    clients.push(client);
    await client.authenticate();
    const pending = Array.from({ length: 5 }, (_, i) => client.executeKw('res.partner', 'write', [[i], {}]));
    await waitFor(() => release.length === 2);
    expect(client.load()).toEqual({ inFlight: 2, queued: 3 });
    while (release.length > 0 || server.calls.length < 6) {
      release.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(pending);
    expect(server.maxActive()).toBe(2);
    expect(queue).toContain('2/3');
    expect(queue[queue.length - 1]).toBe('0/0');
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}
