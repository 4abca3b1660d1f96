import path from 'node:path';
import { configPathFromEnv, loadConfig } from '../../../src/config/load-config';

const DIR = 'tests/fixtures/config';
const load = (configPath: string, env: Record<string, string> = {}) => loadConfig({ configPath, env });

describe('loadConfig with a full valid configuration', () => {
  const config = load(`${DIR}/valid/gateway.yaml`);

  test('when every gateway key is set, then the settings carry them in camelCase', () => {
    expect(config.settings).toEqual({
      server: {
        host: '127.0.0.1',
        port: 9090,
        bodyLimit: '2mb',
        trustProxy: 1,
        cors: { origins: ['https://shop.example.test', 'http://localhost:3000'] },
      },
      odoo: {
        url: 'http://odoo.example.test:8069',
        db: 'prod',
        username: 'gateway@example.test',
        password: 'odoo-api-key',
        protocol: 'jsonrpc',
        timeoutMs: 20000,
        connectTimeoutMs: 3000,
        maxConcurrency: 4,
        readPlan: 'classic',
      },
      admin: { auth: { type: 'bearer', tokens: ['admin-token'] } },
      logging: { level: 'debug', format: 'pretty' },
      idempotency: { ttlSeconds: 3600, maxEntries: 500, leaseSeconds: 600 },
      store: { type: 'embedded', path: './data', idempotencyQuotaPerClient: 10000, lockTimeoutMs: 10000 },
      audit: { enabled: true, payloads: false, payloadMaxChars: 16384, retentionDays: 30 },
      rateLimit: { windowMs: 1000, max: 50 },
      relationCacheTtlMs: 60000,
      shutdownTimeoutMs: 5000,
      endpointsDir: path.resolve(DIR, 'valid/endpoints'),
    });
  });

  test('when the folder holds .yaml and .yml files, then endpoints and mappings are both indexed', () => {
    expect([...config.endpoints.keys()]).toEqual(['customers', 'tags']);
    expect([...config.mappings.keys()].sort()).toEqual(['contact', 'customers', 'tags']);
    expect(config.mappings.get('customers')).toBe(config.endpoints.get('customers'));
    expect(config.files.map((file) => path.relative(process.cwd(), file))).toEqual([
      `${DIR}/valid/gateway.yaml`,
      `${DIR}/valid/endpoints/contact.yaml`,
      `${DIR}/valid/endpoints/customers.yaml`,
      `${DIR}/valid/endpoints/tags.yml`,
    ]);
  });

  test('when an endpoint sets every key, then the definition carries them', () => {
    const customers = config.endpoints.get('customers');
    expect(customers).toMatchObject({
      name: 'customers',
      description: 'Customers from the web shop',
      model: 'res.partner',
      methods: ['GET', 'POST', 'PUT', 'DELETE'],
      auth: {
        type: 'bearer',
        tokens: ['shop-token', 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
      },
      domain: ['|', ['customer_rank', '>', 0], '!', ['country_id.code', 'in', ['BE', 'NL']]],
      defaults: { customer_rank: 1 },
      context: { lang: 'en_US' },
      pageSize: 50,
      maxPageSize: 500,
      maxBatch: 200,
      delete: 'archive',
      upsert: true,
      unknownKeys: 'ignore',
      source: { file: `${DIR}/valid/endpoints/customers.yaml`, line: 2 },
    });
    expect(customers?.identifier?.key).toBe('customer_id');
  });

  test('when field lines use every key, then each becomes a typed FieldLine', () => {
    const lines = new Map(config.endpoints.get('customers')?.fields.map((line) => [line.key, line]));
    expect(lines.get('customer_id')).toEqual({
      key: 'customer_id',
      field: 'ref',
      identifier: true,
      required: true,
      validate: { pattern: '^C-[0-9]+$' },
      direction: 'both',
      source: {
        file: `${DIR}/valid/endpoints/customers.yaml`,
        line: 20,
        // The line of each key, so later checks (against Odoo) point at the mistake itself.
        keys: { key: 20, field: 21, identifier: 22, required: 23, pattern: 24 },
      },
    });
    expect(lines.get('rank')).toMatchObject({ validate: { type: 'integer', min: 0, max: 10 }, default: 1 });
    expect(lines.get('kind')?.validate).toEqual({ enum: ['person', 'company'] });
    expect(lines.get('source')).toMatchObject({ direction: 'in', value: 'web shop' });
    expect(lines.get('tags')).toMatchObject({
      relation: { model: 'res.partner.category', match: 'name', createMissing: true },
      x2many: 'add',
    });
    expect(lines.get('country')?.relation).toEqual({
      model: 'res.country',
      match: 'code',
      createMissing: false,
    });
    expect(lines.get('contacts')).toMatchObject({ mapping: 'contact' });
    expect(lines.get('contacts')).not.toHaveProperty('x2many');
    expect(lines.get('label')).toMatchObject({
      direction: 'out',
      compute: "name & ' <' & (email ? email : '-') & '>'",
    });
    expect(lines.get('label')).not.toHaveProperty('field');
    expect(lines.get('phone')?.computeIn).toBe("$replace(phone, /[^0-9+]/, '')");
  });

  test('when basic auth is configured, then the users are kept', () => {
    expect(config.endpoints.get('tags')?.auth).toEqual({
      type: 'basic',
      users: [{ username: 'tags', password: 'tags-secret' }],
    });
  });

  test('when someone tries to change the config, then it refuses', () => {
    expect(() => ((config.settings.server as { port: number }).port = 1)).toThrow(TypeError);
    expect(() => (config.endpoints as Map<string, unknown>).set('x', {})).toThrow(TypeError);
    expect(() => (config.endpoints.get('customers')?.fields as unknown[]).push({})).toThrow(TypeError);
  });
});

describe('loadConfig defaults, interpolation and PORT', () => {
  test('when gateway.yaml sets nothing, then every default applies', () => {
    const config = load(`${DIR}/minimal-gateway.yaml`);
    expect(config.settings).toEqual({
      server: { host: '0.0.0.0', port: 8080, bodyLimit: '1mb', trustProxy: false, cors: { origins: [] } },
      odoo: {
        url: '',
        db: '',
        username: '',
        password: '',
        protocol: 'auto',
        timeoutMs: 15000,
        connectTimeoutMs: 5000,
        maxConcurrency: 8,
        readPlan: 'auto',
      },
      logging: { level: 'info', format: 'json' },
      idempotency: { ttlSeconds: 86400, maxEntries: 10000, leaseSeconds: 600 },
      store: { type: 'embedded', path: './data', idempotencyQuotaPerClient: 10000, lockTimeoutMs: 10000 },
      audit: { enabled: true, payloads: false, payloadMaxChars: 16384, retentionDays: 30 },
      rateLimit: { windowMs: 60000, max: 0 },
      relationCacheTtlMs: 0,
      shutdownTimeoutMs: 10000,
      endpointsDir: path.resolve(DIR, 'valid/endpoints'),
    });
  });

  test('when an endpoint sets only the required keys, then the endpoint defaults apply', () => {
    const tags = load(`${DIR}/minimal-gateway.yaml`).endpoints.get('tags');
    expect(tags).toMatchObject({
      domain: [],
      defaults: {},
      context: {},
      pageSize: 100,
      maxPageSize: 1000,
      maxBatch: 1000,
    });
    expect(tags).toMatchObject({ delete: 'unlink', upsert: false, unknownKeys: 'reject' });
    expect(tags?.fields[0]).toMatchObject({
      direction: 'both',
      identifier: true,
      required: false,
      validate: {},
    });
  });

  test('when variables are set, then they replace ${VAR} and win over ${VAR:-default}', () => {
    const config = load(`${DIR}/valid/gateway.yaml`, {
      GW_PORT: '7070',
      ODOO_URL: 'https://erp.example.test/odoo',
      SHOP_TOKEN: 'from-env',
    });
    expect(config.settings.server.port).toBe(7070);
    expect(config.settings.odoo.url).toBe('https://erp.example.test/odoo');
    expect(config.endpoints.get('customers')?.auth).toMatchObject({
      tokens: ['from-env', expect.any(String)],
    });
  });

  test('when a variable is set but empty, then ${VAR:-default} uses the default', () => {
    expect(load(`${DIR}/valid/gateway.yaml`, { GW_PORT: '' }).settings.server.port).toBe(9090);
  });

  test('when PORT is set, then it overrides server.port', () => {
    expect(load(`${DIR}/valid/gateway.yaml`, { PORT: '3000' }).settings.server.port).toBe(3000);
    expect(load(`${DIR}/minimal-gateway.yaml`, { PORT: '0' }).settings.server.port).toBe(0);
  });
});

describe('configPathFromEnv', () => {
  test('when GATEWAY_CONFIG is set, then it names gateway.yaml, else config/gateway.yaml is used', () => {
    expect(configPathFromEnv({ GATEWAY_CONFIG: '/etc/gateway/gateway.yaml' })).toBe(
      '/etc/gateway/gateway.yaml',
    );
    expect(configPathFromEnv({})).toBe('config/gateway.yaml');
    expect(configPathFromEnv({ GATEWAY_CONFIG: '' })).toBe('config/gateway.yaml');
  });
});

describe('the shipped config/ folder', () => {
  test('when loaded with an empty environment, then it is valid and serves the documented endpoints', () => {
    const config = load('config/gateway.yaml');
    expect([...config.endpoints.keys()].sort()).toEqual([
      'countries',
      'customers',
      'partner-tags',
      'products',
      'sale-orders',
    ]);
    expect([...config.mappings.keys()]).toEqual(expect.arrayContaining(['contact', 'sale-order-line']));
    expect(config.settings.odoo.url).toBe('');
    expect(config.settings.admin).toBeUndefined();
    expect(config.endpoints.get('customers')?.auth).toEqual({
      type: 'bearer',
      tokens: ['shop-secret-token'],
    });
    expect(config.endpoints.get('countries')?.auth).toEqual({ type: 'none' });
  });
});
