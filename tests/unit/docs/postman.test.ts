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
        expect(item).toMatchObject({ name: expect.any(String), request: expect.any(Object) });
        expect(['GET', 'POST', 'PUT', 'DELETE']).toContain(item.request.method);
        expect(item.request.url.raw).toMatch(/^\{\{baseUrl\}\}\//);
        expect(item.request.url.host).toEqual(['{{baseUrl}}']);
      }
    }
  });

  it('when an endpoint enables methods, then its folder runs create → get → update → delete in order', () => {
    expect(folder('customers').item.map((item: Json) => item.name)).toEqual([
      'List customers',
      'Start the change feed of customers',
      'Create customers',
      'Changes of customers since the cursor',
      'Changes of customers with a damaged cursor (deliberate 400)',
      'Get one customers',
      'Filter customers by customer_id',
      'Update customers (Idempotency-Key)',
      'Retry the update (replayed)',
      'Batch update customers',
      'Archive customers',
    ]);
    expect(folder('orders').item.map((item: Json) => item.request.method)).toEqual([
      'GET',
      'GET',
      'POST',
      'GET',
      'GET',
      'GET',
    ]);
  });

  it('when the change feed is followed, then the cursor of each page is kept and sent back, and one copy is damaged', () => {
    const items: Json[] = folder('customers').item;
    const byName = (name: string): Json => items.find((item) => item.name === name) ?? {};
    const scriptOf = (item: Json, listen: string): string =>
      item.event.find((event: Json) => event.listen === listen).script.exec.join('\n');
    const start = byName('Start the change feed of customers');
    expect(start.request.url.raw).toBe('{{baseUrl}}/bj_api_sync/v1/customers/changes');
    expect(scriptOf(start, 'test')).toContain(
      "pm.collectionVariables.set('customers_cursor', body.next_cursor)",
    );
    const since = byName('Changes of customers since the cursor');
    expect(since.request.url.query).toEqual([{ key: 'cursor', value: '{{customers_cursor}}' }]);
    expect(scriptOf(since, 'test')).toContain("pm.collectionVariables.get('customers_id')");
    expect(scriptOf(since, 'test')).toContain('record["customer_id"]');
    const damaged = byName('Changes of customers with a damaged cursor (deliberate 400)');
    expect(damaged.request.url.query).toEqual([{ key: 'cursor', value: '{{customers_cursor_damaged}}' }]);
    expect(scriptOf(damaged, 'prerequest')).toContain(
      "pm.collectionVariables.set('customers_cursor_damaged'",
    );
    expect(scriptOf(damaged, 'test')).toContain("to.equal('INVALID_CURSOR')");
  });

  it('when requests name a record, then :id is the variable a create (or a fresh identifier) filled', () => {
    const getOne = request('orders', 'Get one orders');
    expect(getOne.url.raw).toBe('{{baseUrl}}/bj_api_sync/v1/orders/:id');
    expect(getOne.url.path).toEqual(['bj_api_sync', 'v1', 'orders', ':id']);
    expect(getOne.url.variable).toEqual([{ key: 'id', value: '{{orders_id}}' }]);
    const create = folder('orders').item.find((item: Json) => item.name === 'Create orders');
    const tests = create.event.find((event: Json) => event.listen === 'test').script.exec.join('\n');
    expect(tests).toContain("pm.collectionVariables.set('orders_id', body.id)");
    const customers = folder('customers').item.find((item: Json) => item.name === 'Create customers');
    const pre = customers.event.find((event: Json) => event.listen === 'prerequest').script.exec.join('\n');
    expect(pre).toContain('"C-1001"');
    expect(JSON.parse(customers.request.body.raw).customer_id).toBe('{{customers_id}}');
  });

  it('when a request is built, then it checks its status with pm.test', () => {
    for (const group of collection().item) {
      for (const item of group.item) {
        const tests = item.event?.find((event: Json) => event.listen === 'test')?.script.exec ?? [];
        expect(tests.join('\n')).toMatch(/pm\.test\('status \d{3}'/);
      }
    }
  });

  it('when an update is retried with the same Idempotency-Key, then the retry expects a replay', () => {
    const items: Json[] = folder('customers').item;
    const first = items.find((item) => item.name === 'Update customers (Idempotency-Key)') ?? {};
    const retry = items.find((item) => item.name === 'Retry the update (replayed)') ?? {};
    const key = { key: 'Idempotency-Key', value: '{{customers_idempotency_key}}' };
    expect(first.request.header).toContainEqual(key);
    expect(retry.request.header).toContainEqual(key);
    expect(retry.request.body.raw).toBe(first.request.body.raw);
    expect(retry.event[0].script.exec.join('\n')).toContain("headers.get('Idempotent-Replayed')");
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

  it('when a POST body is built, then it uses the examples, and leaves out relations without one', () => {
    const post = request('customers', 'Create customers');
    expect(post.header).toContainEqual({ key: 'Content-Type', value: 'application/json' });
    expect(post.body.mode).toBe('raw');
    const body = JSON.parse(post.body.raw);
    expect(Object.keys(body)).toEqual([
      'name',
      'email',
      'country',
      'contacts',
      'tier',
      'credit',
      'secret_note',
      'customer_id',
    ]);
    expect(body).toMatchObject({ name: 'Azure Interior', country: 'BE', secret_note: 'Example secret note' });
    expect(body.email).toMatch(/@/);
    expect(typeof body.credit).toBe('number');
    expect(body.tier).toBe('gold');
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
    const create = built.item[0].item.find((item: Json) => item.name === 'Create notes');
    expect(JSON.parse(create.request.body.raw)).toEqual({ color: 4 });
  });

  it('when a real base URL is given, then URLs use it and no baseUrl variable is needed', () => {
    const built = buildPostmanCollection(shopConfig(), undefined, 'https://gw.example.com:8443/api/') as Json;
    const list = built.item[0].item[0].request.url;
    expect(list.raw).toBe('https://gw.example.com:8443/api/bj_api_sync/v1/customers?limit=5');
    expect(list).toMatchObject({ protocol: 'https', host: ['gw', 'example', 'com'], port: '8443' });
    expect(list.path).toEqual(['api', 'bj_api_sync', 'v1', 'customers']);
    expect(built.variable.map((variable: Json) => variable.key)).not.toContain('baseUrl');
  });
});
