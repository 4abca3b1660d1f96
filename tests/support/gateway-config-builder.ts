/**
 * Builds typed GatewayConfig objects by hand for unit tests (docs, metrics, mapping, config), without the YAML loader:
 * every field gets the loader's default unless the test says otherwise.
 */
import { EndpointDef, FieldLine, GatewayConfig, GatewaySettings, MappingDef } from '../../src/config/types';
import { ModelFields } from '../../src/mapping/odoo-field-meta';

let nextLine = 1;

export function line(key: string, overrides: Partial<FieldLine> = {}): FieldLine {
  return {
    key,
    field: key,
    identifier: false,
    required: false,
    validate: {},
    direction: 'both',
    source: { file: 'config/endpoints/test.yaml', line: nextLine++ },
    ...overrides,
  };
}

export function mapping(name: string, model: string, fields: FieldLine[]): MappingDef {
  return {
    name,
    model,
    fields,
    identifier: fields.find((field) => field.identifier),
    odooFills: [],
    source: { file: `config/endpoints/${name}.yaml`, line: 1 },
  };
}

export function endpoint(
  name: string,
  model: string,
  fields: FieldLine[],
  overrides: Partial<EndpointDef> = {},
): EndpointDef {
  return {
    ...mapping(name, model, fields),
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    auth: { type: 'none' },
    domain: [],
    defaults: {},
    context: {},
    pageSize: 100,
    maxPageSize: 1000,
    maxBatch: 100,
    delete: 'unlink',
    upsert: false,
    unknownKeys: 'reject',
    ...overrides,
  };
}

export function settings(overrides: Partial<GatewaySettings> = {}): GatewaySettings {
  return {
    server: { host: '127.0.0.1', port: 8080, bodyLimit: '1mb', trustProxy: false, cors: { origins: [] } },
    odoo: {
      url: 'http://odoo.test:8069',
      db: 'test',
      username: 'gateway',
      password: 'odoo-secret-password',
      protocol: 'xmlrpc',
      timeoutMs: 15000,
      connectTimeoutMs: 5000,
      maxConcurrency: 8,
      readPlan: 'auto',
    },
    logging: { level: 'error', format: 'json' },
    rateLimit: { windowMs: 60000, max: 0 },
    idempotency: { ttlSeconds: 86400, maxEntries: 10000, leaseSeconds: 600 },
    store: { type: 'memory', path: './data', idempotencyQuotaPerClient: 10000, lockTimeoutMs: 10000 },
    audit: { enabled: true, payloads: false, payloadMaxChars: 16384, retentionDays: 30 },
    relationCacheTtlMs: 60000,
    shutdownTimeoutMs: 10000,
    endpointsDir: '/tmp/endpoints',
    ...overrides,
  };
}

/** Endpoints are also mappings under their own name, as the loader makes them. */
export function gatewayConfig(
  endpoints: EndpointDef[],
  mappings: MappingDef[] = [],
  settingsOverrides: Partial<GatewaySettings> = {},
): GatewayConfig {
  return {
    settings: settings(settingsOverrides),
    endpoints: new Map(endpoints.map((def) => [def.name, def])),
    mappings: new Map([...mappings, ...endpoints].map((def) => [def.name, def])),
    files: [],
  };
}

/** A shop-like configuration: customers (bearer, identifier, relations, nested contacts) and orders. */
export function shopConfig(): GatewayConfig {
  const contact = mapping('contact', 'res.partner', [
    line('name', { required: true }),
    line('email', { identifier: true, validate: { type: 'email' } }),
  ]);
  const customers = endpoint(
    'customers',
    'res.partner',
    [
      line('customer_id', {
        field: 'ref',
        identifier: true,
        required: true,
        validate: { pattern: '^C-[0-9]+$' },
        example: 'C-1001',
      }),
      line('name', { required: true, validate: { min: 2, max: 64 }, example: 'Azure Interior' }),
      line('email', { validate: { type: 'email' } }),
      line('country', {
        field: 'country_id',
        relation: { model: 'res.country', match: 'code', createMissing: false },
        example: 'BE',
      }),
      line('tags', {
        field: 'category_id',
        relation: { model: 'res.partner.category', match: 'name', createMissing: true },
      }),
      line('contacts', { field: 'child_ids', mapping: 'contact' }),
      line('tier', { field: 'x_tier', validate: { enum: ['gold', 'silver'] } }),
      line('credit', { field: 'credit_limit', validate: { min: 0, max: 100000 } }),
      line('label', { field: undefined, direction: 'out', compute: "name & ' <' & email & '>'" }),
      line('country_name', { field: 'country_id.name', direction: 'out' }),
      line('secret_note', { field: 'comment', direction: 'in' }),
    ],
    {
      description: 'Customers from the web shop',
      auth: { type: 'bearer', tokens: ['shop-secret-token'] },
      delete: 'archive',
    },
  );
  const orders = endpoint(
    'orders',
    'sale.order',
    [
      line('name', { direction: 'out' }),
      line('customer', { field: 'partner_id', mapping: 'customers' }),
      line('date', { field: 'date_order' }),
      line('state', {}),
      line('amount', { field: 'amount_total', direction: 'out' }),
    ],
    {
      methods: ['GET', 'POST'],
      auth: { type: 'basic', users: [{ username: 'erp', password: 'basic-secret-pw' }] },
    },
  );
  return gatewayConfig([customers, orders], [contact]);
}

/** fields_get answers for the models of shopConfig(). */
export function shopModelFields(): Map<string, ModelFields> {
  return new Map<string, ModelFields>([
    [
      'res.partner',
      {
        ref: { type: 'char', string: 'Reference' },
        name: { type: 'char', string: 'Name', required: true },
        email: { type: 'char', string: 'Email' },
        country_id: { type: 'many2one', string: 'Country', relation: 'res.country' },
        category_id: { type: 'many2many', string: 'Tags', relation: 'res.partner.category' },
        child_ids: { type: 'one2many', string: 'Contacts', relation: 'res.partner' },
        x_tier: { type: 'char' },
        credit_limit: { type: 'float', string: 'Credit Limit' },
        comment: { type: 'html', string: 'Notes' },
      },
    ],
    [
      'res.country',
      { code: { type: 'char', string: 'Country Code' }, name: { type: 'char', string: 'Name' } },
    ],
    ['res.partner.category', { name: { type: 'char', string: 'Tag Name' } }],
    [
      'sale.order',
      {
        name: { type: 'char', string: 'Order Reference', readonly: true },
        partner_id: { type: 'many2one', string: 'Customer', relation: 'res.partner', required: true },
        date_order: { type: 'datetime', string: 'Order Date' },
        state: {
          type: 'selection',
          string: 'Status',
          selection: [
            ['draft', 'Quotation'],
            ['sale', 'Sales Order'],
            ['cancel', 'Cancelled'],
          ],
        },
        amount_total: { type: 'monetary', string: 'Total', readonly: true },
      },
    ],
  ]);
}
