/** joi schema of gateway.yaml. Defaults live here so the JSON Schema shows them too. */
import Joi from 'joi';
import type { RawGateway, SchemaKeys } from '../raw-types';
import { authSchema, nonNegativeInt, positiveInt } from './common-schema';
import { auditSchema, storeSchema } from './store-schema';

const serverSchema = Joi.object({
  host: Joi.string().default('0.0.0.0'),
  port: Joi.number().integer().min(0).max(65535).default(8080),
  body_limit: Joi.alternatives()
    .try(
      Joi.string()
        .pattern(/^\d+(\.\d+)?\s*([bB]|[kKmMgG][bB])?$/)
        .messages({ 'string.pattern.base': 'must be a size such as 512kb or 1mb' }),
      Joi.number().integer().min(1),
    )
    .default('1mb'),
  trust_proxy: Joi.alternatives()
    .try(Joi.boolean(), Joi.number().integer().min(0), Joi.string())
    .default(false),
  cors: Joi.object({
    origins: Joi.array()
      .items(
        Joi.string()
          .pattern(/^(\*|https?:\/\/[^/\s?#]+)$/)
          .messages({
            'string.pattern.base': 'must be an origin such as https://shop.example.com (no path), or *',
          }),
      )
      .default([])
      .description(
        'browser origins allowed to call the API (https://shop.example.com, or *); empty: CORS off',
      ),
  } satisfies SchemaKeys<RawGateway['server']['cors']>).default(),
} satisfies SchemaKeys<RawGateway['server']>).default();

const odooSchema = Joi.object({
  url: Joi.string()
    .allow('')
    .uri({ scheme: ['http', 'https'] })
    .default('')
    .description('http(s)://host[:port][/prefix]; empty: built-in simulator'),
  db: Joi.string().allow('').default(''),
  username: Joi.string().allow('').default(''),
  password: Joi.string().allow('').default('').description('a password or an Odoo API key'),
  protocol: Joi.string()
    .valid('auto', 'xmlrpc', 'jsonrpc', 'session', 'json2')
    .default('auto')
    .description('auto: the fastest protocol the server accepts the credential on'),
  timeout_ms: positiveInt(15000),
  connect_timeout_ms: positiveInt(5000),
  max_concurrency: positiveInt(8),
  read_plan: Joi.string()
    .valid('auto', 'classic', 'web')
    .default('auto')
    .description('auto: one web_search_read per GET on Odoo 17+, search_read + reads below'),
} satisfies SchemaKeys<RawGateway['odoo']>).default();

export const gatewaySchema = Joi.object({
  server: serverSchema,
  odoo: odooSchema,
  admin: Joi.object({ auth: authSchema.required() } satisfies SchemaKeys<
    NonNullable<RawGateway['admin']>
  >).description('protects test-connection and /metrics'),
  logging: Joi.object({
    level: Joi.string().valid('error', 'warn', 'info', 'debug').default('info'),
    format: Joi.string().valid('json', 'pretty').default('json'),
  } satisfies SchemaKeys<RawGateway['logging']>).default(),
  idempotency: Joi.object({
    ttl_seconds: positiveInt(86400),
    max_entries: nonNegativeInt(10000),
    lease_seconds: positiveInt(600).description(
      'how long a running write holds its key before a retry may take it over (its replica presumed dead)',
    ),
  } satisfies SchemaKeys<RawGateway['idempotency']>).default(),
  store: storeSchema,
  audit: auditSchema,
  rate_limit: Joi.object({
    window_ms: positiveInt(60000),
    max: nonNegativeInt(0).description('requests per client (IP) per window on /bj_api_sync/v1; 0 disables'),
  } satisfies SchemaKeys<RawGateway['rate_limit']>).default(),
  relation_cache_ttl_ms: nonNegativeInt(0),
  shutdown_timeout_ms: nonNegativeInt(10000),
  endpoints_dir: Joi.string().default('endpoints'),
} satisfies SchemaKeys<RawGateway>);
