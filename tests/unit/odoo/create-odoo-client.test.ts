import { createOdooClient, OdooClientSettings } from '../../../src/odoo/create-odoo-client';

const settings = (overrides: Partial<OdooClientSettings>): OdooClientSettings => ({
  url: 'http://127.0.0.1:8069',
  db: 'odoo',
  username: 'admin',
  password: 'pw',
  timeoutMs: 1000,
  connectTimeoutMs: 500,
  maxConcurrency: 2,
  ...overrides,
});

describe('createOdooClient', () => {
  it('when the URL is not a URL, then it fails at start without repeating the URL', () => {
    expect(() => createOdooClient(settings({ url: 'not a url' }))).toThrow(
      'The Odoo URL is not a valid URL (expected e.g. https://erp.example.com)',
    );
  });

  it('when the URL has no http(s) scheme, then it fails at start without echoing what it holds', () => {
    expect(() => createOdooClient(settings({ url: 'user:secret@erp.example.com' }))).toThrow(
      /^The Odoo URL must start with http:\/\/ or https:\/\/$/,
    );
  });

  it('when a protocol is set, then the client speaks it; when none is set, then it is auto until it connects', async () => {
    const clients = (['xmlrpc', 'jsonrpc', 'session', 'json2', 'auto', undefined] as const).map((protocol) =>
      createOdooClient(settings({ protocol })),
    );
    expect(clients.map((client) => client.protocol)).toEqual([
      'xmlrpc',
      'jsonrpc',
      'session',
      'json2',
      'auto',
      'auto',
    ]);
    await Promise.all(clients.map((client) => client.close()));
  });
});
