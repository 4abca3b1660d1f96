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

  it('when JSON-2 is asked for, then it fails at start', () => {
    expect(() => createOdooClient(settings({ protocol: 'json2' }))).toThrow("'json2' is not supported yet");
  });

  it('when the protocol is auto or unset, then XML-RPC is used', async () => {
    const auto = createOdooClient(settings({ protocol: 'auto' }));
    const unset = createOdooClient(settings({}));
    const json = createOdooClient(settings({ protocol: 'jsonrpc' }));
    expect([auto.protocol, unset.protocol, json.protocol]).toEqual(['xmlrpc', 'xmlrpc', 'jsonrpc']);
    await Promise.all([auto.close(), unset.close(), json.close()]);
  });
});
