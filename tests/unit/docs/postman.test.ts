import { POSTMAN_SCHEMA, buildPostmanCollection } from '../../../src/docs/postman';
import {
  endpoint,
  gatewayConfig,
  line,
  shopConfig,
  shopModelFields,
} from '../../support/gateway-config-builder';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const collection = (): Json => buildPostmanCollection(shopConfig(), shopModelFields()) as Json;
const folder = (name: string): Json => collection().item.find((item: Json) => item.name === name);
const request = (folderName: string, name: string): Json =>
  folder(folderName).item.find((item: Json) => item.name === name).request;

describe('Postman collection', () => {
  it('when built, then it is a v2.1 collection with one folder per endpoint and a baseUrl variable', () => {
    const built = collection();
    expect(built.info).toMatchObject({ name: expect.any(String), schema: POSTMAN_SCHEMA });
    expect(built.item.map((item: Json) => item.name)).toEqual(['customers', 'orders', 'gateway']);
    expect(built.variable).toContainEqual(
      expect.objectContaining({ key: 'baseUrl', value: 'http://localhost:8080', type: 'string' }),
    );
    for (const group of built.item) {
      for (const item of group.item) {
        expect(item).toEqual({ name: expect.any(String), request: expect.any(Object) });
        expect(['GET', 'POST', 'PUT', 'DELETE']).toContain(item.request.method);
        expect(item.request.url.raw).toMatch(/^\{\{baseUrl\}\}\//);
        expect(item.request.url.host).toEqual(['{{baseUrl}}']);
      }
    }
  });

  it('when an endpoint enables methods, then it gets one request per method, and no others', () => {
    expect(folder('customers').item.map((item: Json) => item.request.method)).toEqual([
      'GET',
      'GET',
      'POST',
      'PUT',
      'DELETE',
    ]);
    expect(folder('orders').item.map((item: Json) => item.request.method)).toEqual(['GET', 'GET', 'POST']);
  });

  it('when requests name a record, then the URL has an :id path variable with a sample value', () => {
    const getOne = request('orders', 'Get one orders');
    expect(getOne.url.raw).toBe('{{baseUrl}}/bj_api_sync/v1/orders/:id');
    expect(getOne.url.path).toEqual(['bj_api_sync', 'v1', 'orders', ':id']);
    expect(getOne.url.variable).toEqual([{ key: 'id', value: '1' }]);
    expect(request('customers', 'List customers').url.query).toEqual([
      { key: 'limit', value: '100' },
      { key: 'offset', value: '0' },
    ]);
  });

  it('when endpoints have auth, then folders use {{variables}} and the secrets never appear', () => {
    const built = collection();
    expect(folder('customers').auth).toEqual({
      type: 'bearer',
      bearer: [{ key: 'token', value: '{{customers_token}}', type: 'string' }],
    });
    expect(folder('orders').auth.basic).toContainEqual({
      key: 'password',
      value: '{{orders_password}}',
      type: 'string',
    });
    const keys = built.variable.map((variable: Json) => variable.key);
    expect(keys).toEqual(expect.arrayContaining(['customers_token', 'orders_username', 'orders_password']));
    const text = JSON.stringify(built);
    for (const secret of ['shop-secret-token', 'basic-secret-pw', 'odoo-secret-password']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('"erp"'); // the configured basic user name
  });

  it('when a POST body is sampled, then it is JSON with a value of the right type for each writable key', () => {
    const post = request('customers', 'Create customers');
    expect(post.header).toContainEqual({ key: 'Content-Type', value: 'application/json' });
    expect(post.body.mode).toBe('raw');
    const body = JSON.parse(post.body.raw);
    expect(Object.keys(body)).toEqual([
      'customer_id',
      'name',
      'email',
      'country',
      'tags',
      'contacts',
      'tier',
      'credit',
      'secret_note',
    ]);
    expect(body.email).toMatch(/@/);
    expect(typeof body.credit).toBe('number');
    expect(body.tier).toBe('gold');
    expect(Array.isArray(body.tags)).toBe(true);
    expect(body.contacts[0]).toEqual({ name: expect.any(String), email: expect.stringContaining('@') });
    expect(body.name.length).toBeGreaterThanOrEqual(2);
    const orders = JSON.parse(request('orders', 'Create orders').body.raw);
    expect(orders.state).toBe('draft');
    expect(orders.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(typeof orders.customer).toBe('object');
  });

  it('when a line has a default, then the sample uses it', () => {
    const config = gatewayConfig([endpoint('notes', 'note.note', [line('color', { default: 4 })])]);
    const built = buildPostmanCollection(config) as Json;
    expect(JSON.parse(built.item[0].item[2].request.body.raw)).toEqual({ color: 4 });
  });

  it('when a real base URL is given, then URLs use it and no baseUrl variable is needed', () => {
    const built = buildPostmanCollection(shopConfig(), undefined, 'https://gw.example.com:8443/api/') as Json;
    const list = built.item[0].item[0].request.url;
    expect(list.raw).toBe('https://gw.example.com:8443/api/bj_api_sync/v1/customers?limit=100&offset=0');
    expect(list).toMatchObject({ protocol: 'https', host: ['gw', 'example', 'com'], port: '8443' });
    expect(list.path).toEqual(['api', 'bj_api_sync', 'v1', 'customers']);
    expect(built.variable.map((variable: Json) => variable.key)).not.toContain('baseUrl');
  });
});
