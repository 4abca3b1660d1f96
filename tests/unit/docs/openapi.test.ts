import { buildOpenApi } from '../../../src/docs/openapi';
import {
  endpoint,
  gatewayConfig,
  line,
  shopConfig,
  shopModelFields,
} from '../../support/gateway-config-builder';
import { validateOpenApi } from './openapi-validator';
import SwaggerParser from '@apidevtools/swagger-parser';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const spec = (): Json => buildOpenApi(shopConfig(), shopModelFields()) as Json;
const CUSTOMERS = '/bj_api_sync/v1/customers';
const ORDERS = '/bj_api_sync/v1/orders';

/** Every `$ref` in the document, to check that each one points at something. */
function refsOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsOf(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner);
      else refsOf(inner, found);
    }
  }
  return found;
}

function resolve(document: Json, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], document);
}

describe('OpenAPI document', () => {
  it('when built with fields_get, then it is a valid OpenAPI 3.1 document', async () => {
    const result = await validateOpenApi(spec());
    expect(result.errors ?? null).toBeNull();
    expect(result.valid).toBe(true);
  });

  it('when built without fields_get, admin auth and odd settings, then it is still valid', async () => {
    const config = shopConfig();
    const withAdmin = {
      ...config,
      settings: { ...config.settings, admin: { auth: { type: 'basic' as const, users: [] } } },
    };
    const result = await validateOpenApi(
      buildOpenApi(withAdmin, undefined, { title: 'Shop', version: '9.9.9' }),
    );
    expect(result.errors ?? null).toBeNull();
  });

  it('when swagger-parser validates the document, then it accepts it', async () => {
    await expect(SwaggerParser.validate(structuredClone(spec()) as never)).resolves.toBeDefined();
    // swagger-parser dereferences in place: it gets copies, never the generator's shared parts.
    const broken = structuredClone(spec());
    broken.paths[CUSTOMERS].get.responses = 'none';
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow();
  });

  it('when a document is broken, then the validator says so (the validity tests can fail)', async () => {
    const broken = spec();
    broken.paths[CUSTOMERS].get.responses = 'none';
    expect((await validateOpenApi(broken)).valid).toBe(false);
  });

  it('when the document is built, then every $ref resolves and operation ids are unique', () => {
    const document = spec();
    const dangling = refsOf(document).filter((ref) => resolve(document, ref) === undefined);
    expect(dangling).toEqual([]);
    const ids = Object.values(document.paths).flatMap((item) =>
      Object.values(item as Json)
        .filter((op) => op && typeof op === 'object' && 'operationId' in op)
        .map((op) => (op as Json).operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when endpoints enable some methods, then only those methods appear on their paths', () => {
    const paths = spec().paths;
    expect(Object.keys(paths[CUSTOMERS])).toEqual(expect.arrayContaining(['get', 'post', 'put', 'delete']));
    expect(Object.keys(paths[`${CUSTOMERS}/{id}`])).toEqual(expect.arrayContaining(['get', 'put', 'delete']));
    expect(paths[ORDERS].put).toBeUndefined();
    expect(paths[ORDERS].delete).toBeUndefined();
    expect(paths[`${ORDERS}/{id}`].put).toBeUndefined();
    expect(paths[ORDERS].post).toBeDefined();
  });

  it('when an endpoint only accepts POST, then it has no `/{id}` path at all', () => {
    const config = gatewayConfig([endpoint('inbox', 'mail.message', [line('body')], { methods: ['POST'] })]);
    const paths = (buildOpenApi(config) as Json).paths;
    expect(paths['/bj_api_sync/v1/inbox'].post).toBeDefined();
    expect(paths['/bj_api_sync/v1/inbox/{id}']).toBeUndefined();
  });

  it('when endpoints use bearer, basic or no auth, then each operation asks for its own scheme', () => {
    const config = shopConfig();
    const open = endpoint('public', 'res.country', [line('code')], { methods: ['GET'] });
    const document = buildOpenApi(gatewayConfig([...config.endpoints.values(), open])) as Json;
    expect(document.components.securitySchemes.customers_auth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(document.components.securitySchemes.orders_auth).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(document.components.securitySchemes.public_auth).toBeUndefined();
    expect(document.paths[CUSTOMERS].get.security).toEqual([{ customers_auth: [] }]);
    expect(document.paths['/bj_api_sync/v1/public'].get.security).toEqual([]);
    expect(document.paths['/bj_api_sync/v1/public'].get.responses['401']).toBeUndefined();
    expect(document.paths[CUSTOMERS].get.responses['401']).toBeDefined();
  });

  it('when the spec is serialised, then no configured secret is in it', () => {
    const text = JSON.stringify(spec());
    for (const secret of ['shop-secret-token', 'basic-secret-pw', 'odoo-secret-password']) {
      expect(text).not.toContain(secret);
    }
  });

  it('when a POST body is described, then it takes one record or a batch, with required keys and rules', () => {
    const document = spec();
    const body = document.paths[CUSTOMERS].post.requestBody.content['application/json'].schema;
    expect(body.oneOf).toHaveLength(2);
    expect(body.oneOf[1]).toMatchObject({ type: 'array', maxItems: 100 });
    const create = document.components.schemas['customers.create'];
    expect(create.required).toEqual(['customer_id', 'name']);
    expect(create.additionalProperties).toBe(false);
    expect(create.properties.email).toMatchObject({ type: ['string', 'null'], format: 'email' });
    expect(create.properties.name).toMatchObject({ type: 'string', minLength: 2, maxLength: 64 });
    expect(create.properties.customer_id).toMatchObject({ pattern: '^C-[0-9]+$' });
    expect(create.properties.tier.enum).toEqual(['gold', 'silver', null]);
    expect(create.properties.credit).toMatchObject({ minimum: 0, maximum: 100000 });
    // Write-only and read-only lines land on their own side only.
    expect(create.properties.secret_note).toBeDefined();
    expect(create.properties.label).toBeUndefined();
    expect(document.components.schemas.customers.properties.secret_note).toBeUndefined();
    expect(document.components.schemas.customers.properties.label).toBeDefined();
  });

  it('when fields_get is known, then types follow the Odoo field types', () => {
    const schemas = spec().components.schemas;
    expect(schemas.orders.properties.date).toMatchObject({ type: ['string', 'null'], format: 'date-time' });
    expect(schemas.orders.properties.state.enum).toEqual(['draft', 'sale', 'cancel', null]);
    expect(schemas.orders.properties.amount.type).toEqual(['number', 'null']);
    expect(schemas.customers.properties.country.type).toEqual(['string', 'null']);
    expect(schemas.customers.properties.tags).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(schemas.customers.properties.contacts.items).toEqual({ $ref: '#/components/schemas/contact' });
    expect(schemas['customers.create'].properties.contacts.items).toEqual({
      $ref: '#/components/schemas/contact.create',
    });
    expect(schemas.orders.properties.customer).toEqual(
      expect.objectContaining({ anyOf: [{ $ref: '#/components/schemas/customers' }, { type: 'null' }] }),
    );
  });

  it('when fields_get is unknown, then a nested or related line may be one value or a list', () => {
    const schemas = (buildOpenApi(shopConfig()) as Json).components.schemas;
    expect(schemas.customers.properties.contacts).toMatchObject({
      anyOf: [
        { $ref: '#/components/schemas/contact' },
        { type: 'array', items: { $ref: '#/components/schemas/contact' } },
        { type: 'null' },
      ],
    });
    expect(schemas['customers.create'].properties.country.anyOf[1]).toEqual({
      type: 'array',
      items: { type: ['string', 'number'] },
    });
  });

  it('when a many2one has no relation rule, then it is an Odoo id or null', () => {
    const config = gatewayConfig([endpoint('leads', 'crm.lead', [line('user', { field: 'user_id' })])]);
    const fields = new Map([['crm.lead', { user_id: { type: 'many2one', relation: 'res.users' } }]]);
    const schemas = (buildOpenApi(config, fields) as Json).components.schemas;
    expect(schemas.leads.properties.user.type).toEqual(['integer', 'null']);
  });

  it('when a nested mapping is used, then it becomes a component schema of its own', () => {
    const schemas = spec().components.schemas;
    expect(schemas.contact.properties).toHaveProperty('email');
    expect(schemas['contact.create'].required).toEqual(['name']);
  });

  it('when GET list is described, then it has paging, order, fields, updated_since and one typed filter per key', () => {
    const params: Json[] = spec().paths[ORDERS].get.parameters;
    const byName = new Map<string, Json>(params.filter((p) => p.name).map((p) => [p.name, p]));
    const param = (name: string): Json => byName.get(name) ?? {};
    expect(param('limit').schema).toMatchObject({ type: 'integer', maximum: 1000, default: 100 });
    for (const name of ['offset', 'order', 'fields', 'updated_since', 'state', 'amount', 'name']) {
      expect(byName.has(name)).toBe(true);
    }
    expect(param('updated_since').schema).toMatchObject({ type: 'string', format: 'date-time' });
    expect(param('state')).toMatchObject({ style: 'deepObject', explode: true });
    expect(param('state').schema.properties.eq.enum).toEqual(['draft', 'sale', 'cancel']);
    expect(param('amount').schema.properties.gte.type).toBe('number');
    expect(param('state').schema.properties.null.type).toBe('boolean');
    expect(Object.keys(param('name').schema.properties)).toEqual([
      'eq',
      'ne',
      'gt',
      'gte',
      'lt',
      'lte',
      'like',
      'ilike',
      'in',
      'nin',
      'null',
    ]);
    // One row per key: Swagger UI stays readable.
    expect(params.length).toBeLessThan(20);
    const customerParams: Json[] = spec().paths[CUSTOMERS].get.parameters;
    const names = customerParams.map((p) => p.name);
    expect(names).not.toContain('secret_note'); // write-only
    expect(names).not.toContain('label'); // computed: no Odoo field to filter on
  });

  it('when a key filters on a related record, then its operators take the type of the match field', () => {
    const params: Json[] = spec().paths[CUSTOMERS].get.parameters;
    const country = params.find((p) => p.name === 'country') ?? {};
    expect(country.schema.properties.eq).toMatchObject({ type: 'string' });
    const noFieldsGet: Json[] = (buildOpenApi(shopConfig()) as Json).paths[CUSTOMERS].get.parameters;
    const contacts = noFieldsGet.find((p) => p.name === 'contacts') ?? {};
    expect(contacts.schema.properties.eq).toMatchObject({ type: 'integer' });
  });

  it('when GET one is described, then it takes fields=', () => {
    const params: Json[] = spec().paths[`${CUSTOMERS}/{id}`].get.parameters;
    expect(params).toContainEqual(expect.objectContaining({ name: 'fields', in: 'query' }));
  });

  it('when operations are named, then operationIds are camelCase without hyphens or underscores', () => {
    const config = gatewayConfig([
      endpoint('sale-orders', 'sale.order', [line('name')], { methods: ['GET', 'POST', 'PUT', 'DELETE'] }),
    ]);
    const document = buildOpenApi(config) as Json;
    const ids = Object.values(document.paths).flatMap((item) =>
      Object.values(item as Json)
        .filter((op) => op && typeof op === 'object' && 'operationId' in op)
        .map((op) => (op as Json).operationId as string),
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        'listSaleOrders',
        'getSaleOrders',
        'updateByIdentifierSaleOrders',
        'changesSaleOrders',
        'testConnection',
      ]),
    );
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it('when component schemas have titles, then every title is unique', () => {
    const titles = Object.values(spec().components.schemas as Record<string, Json>).map((s) => s.title);
    expect(titles.every((title) => typeof title === 'string')).toBe(true);
    expect(new Set(titles).size).toBe(titles.length);
    expect(spec().components.schemas['customers.update-keyed'].title).toBe('CustomersUpdateKeyed');
  });

  it('when the document is built, then it names its servers', () => {
    expect(spec().servers[0]).toEqual({ url: '/', description: expect.any(String) });
  });

  it('when writes answer, then they document Idempotent-Replayed', () => {
    const created = spec().paths[CUSTOMERS].post.responses['201'];
    expect(created.headers['Idempotent-Replayed']).toEqual({
      $ref: '#/components/headers/Idempotent-Replayed',
    });
  });

  it('when lines have example values, then bodies, answers and the path id show them', () => {
    const document = spec();
    const post = document.paths[CUSTOMERS].post.requestBody.content['application/json'];
    expect(post.examples.one.value).toMatchObject({ customer_id: 'C-1001', name: 'Azure Interior' });
    expect(post.examples.batch.value).toEqual([post.examples.one.value]);
    const got = document.paths[`${CUSTOMERS}/{id}`].get.responses['200'].content['application/json'];
    expect(got.example).toMatchObject({ success: true, data: { customer_id: 'C-1001' } });
    expect(document.paths[`${CUSTOMERS}/{id}`].parameters[0].example).toBe('C-1001');
  });

  it('when operations are described, then each lists the error responses it can give', () => {
    const paths = spec().paths;
    const statuses = (op: Json) => Object.keys(op.responses);
    expect(statuses(paths[CUSTOMERS].post)).toEqual(
      expect.arrayContaining([
        '201',
        '200',
        '400',
        '401',
        '403',
        '409',
        '413',
        '415',
        '422',
        '429',
        '502',
        '503',
        '504',
      ]),
    );
    expect(statuses(paths[CUSTOMERS].get)).not.toContain('415');
    expect(statuses(paths[`${CUSTOMERS}/{id}`].get)).toEqual(expect.arrayContaining(['404', '409']));
    const error = spec().components.responses.Error404.content['application/json'].schema;
    expect(error.allOf[0]).toEqual({ $ref: '#/components/schemas/Error' });
    expect(spec().components.schemas.Error.required).toEqual(['success', 'error', 'status_code', 'line_id']);
  });

  it('when writes are described, then they accept Idempotency-Key, Prefer and X-Request-ID', () => {
    const refs = spec().paths[CUSTOMERS].put.parameters.map((p: Json) => p.$ref);
    expect(refs).toEqual([
      '#/components/parameters/RequestId',
      '#/components/parameters/IdempotencyKey',
      '#/components/parameters/Prefer',
    ]);
  });

  it('when records are named by an identifier, then `{id}`, PUT by body and DELETE by query use it', () => {
    const document = spec();
    const item = document.paths[`${CUSTOMERS}/{id}`];
    expect(item.parameters[0]).toMatchObject({ name: 'id', in: 'path', schema: { type: 'string' } });
    const keyed = document.components.schemas['customers.update-keyed'];
    expect(keyed.required).toEqual(['customer_id']);
    const deleteParams: Json[] = document.paths[CUSTOMERS].delete.parameters;
    expect(deleteParams).toContainEqual(
      expect.objectContaining({ name: 'customer_id', in: 'query', required: true }),
    );
    expect(document.paths[CUSTOMERS].delete.summary).toBe(
      'Archive the record named by `customer_id` in the query: Customers from the web shop',
    );
  });

  it('when records are named by their Odoo id, then `{id}` is an integer and PUT by body needs `id`', () => {
    const document = spec();
    expect(document.paths[`${ORDERS}/{id}`].parameters[0].schema).toEqual({ type: 'integer', minimum: 1 });
    const config = gatewayConfig([endpoint('tags', 'res.partner.category', [line('name')])]);
    const schemas = (buildOpenApi(config) as Json).components.schemas;
    expect(schemas['tags.update-keyed']).toMatchObject({
      required: ['id'],
      properties: { id: { type: 'integer' } },
    });
  });

  it('when the gateway routes are described, then health and test-connection are in the document', () => {
    const paths = spec().paths;
    expect(paths['/health'].get).toBeDefined();
    expect(paths['/bj_api_sync/test-connection'].get.responses['503']).toBeDefined();
  });
});
