import { createOdooClient } from '../../src/odoo/create-odoo-client';
import type { OdooClient } from '../../src/odoo/odoo-client';
import { GatewayError } from '../../src/errors/gateway-error';
import { FakeHandler, FakeOdoo, jsonError, jsonResult, startFakeOdoo } from './odoo-client-fake-odoo';

const PASSWORD = 'pw-SECRET-123';

let fake: FakeOdoo | undefined;
let client: OdooClient | undefined;

afterEach(async () => {
  await client?.close();
  await fake?.close();
  client = undefined;
  fake = undefined;
});

async function jsonClient(onExecute: FakeHandler): Promise<{ client: OdooClient; server: FakeOdoo }> {
  fake = await startFakeOdoo((call) => (call.method === 'authenticate' ? jsonResult(2) : onExecute(call)));
  client = createOdooClient({
    url: `${fake.url}/odoo`,
    db: 'odoo',
    username: 'admin',
    password: PASSWORD,
    timeoutMs: 2000,
    connectTimeoutMs: 1000,
    maxConcurrency: 2,
    protocol: 'jsonrpc',
  });
  return { client, server: fake };
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

describe('OdooClient over JSON-RPC against a local fake Odoo', () => {
  it('when executeKw is called, then /jsonrpc receives the same arguments as XML-RPC would', async () => {
    const { client, server } = await jsonClient(() => jsonResult([{ id: 20, name: 'Belgium' }]));
    expect(client.protocol).toBe('jsonrpc');
    await expect(client.executeKw('res.country', 'search_read', [[['code', '=', 'BE']]])).resolves.toEqual([
      { id: 20, name: 'Belgium' },
    ]);
    expect(server.calls.map((c) => `${c.path} ${c.method} ${String(c.headers['x-odoo-database'])}`)).toEqual([
      '/odoo/jsonrpc authenticate odoo',
      '/odoo/jsonrpc execute_kw odoo',
    ]);
    expect(server.calls[1]?.params).toEqual([
      'odoo',
      2,
      PASSWORD,
      'res.country',
      'search_read',
      [[['code', '=', 'BE']]],
      {},
    ]);
  });

  it('when Odoo answers a UserError, then 400 with its message', async () => {
    const { client } = await jsonClient(() =>
      jsonError('odoo.exceptions.UserError', 'The customer needs a name'),
    );
    const error = await errorOf(client.executeKw('res.partner', 'create', [{}]));
    expect([error.status, error.code, error.message]).toEqual([
      400,
      'ODOO_VALIDATION_ERROR',
      'The customer needs a name',
    ]);
  });

  it('when Odoo answers that the model does not exist, then 503 telling ops to check the mappings', async () => {
    const { client } = await jsonClient(() =>
      jsonError('odoo.exceptions.UserError', "Object no.such.model doesn't exist"),
    );
    const error = await errorOf(client.executeKw('no.such.model', 'search', [[]]));
    expect([error.status, error.code]).toEqual([503, 'ODOO_UNAVAILABLE']);
    expect(error.message).toMatch(
      /^The model no\.such\.model doesn't exist in Odoo: check the gateway's mappings/,
    );
  });

  it('when Odoo answers AccessDenied, then the client logs in again once and retries once', async () => {
    const { client, server } = await jsonClient(() =>
      jsonError('odoo.exceptions.AccessDenied', 'Access Denied'),
    );
    const error = await errorOf(client.executeKw('res.partner', 'search', [[]]));
    expect(error.status).toBe(503);
    expect(server.calls.map((c) => c.method)).toEqual([
      'authenticate',
      'execute_kw',
      'authenticate',
      'execute_kw',
    ]);
  });

  it('when a proxy answers with an HTML 502 page, then OdooError 502', async () => {
    const { client } = await jsonClient(() => ({
      status: 502,
      contentType: 'text/html',
      body: '<html>Bad Gateway</html>',
    }));
    const error = await errorOf(client.executeKw('res.partner', 'search', [[]]));
    expect([error.status, error.message]).toEqual([
      502,
      'Odoo answered with HTTP 502 and a non-JSON-RPC body',
    ]);
  });
});
