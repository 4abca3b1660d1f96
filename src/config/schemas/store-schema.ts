/**
 * joi schemas of the `store:` and `audit:` blocks of gateway.yaml (docs/store.md), part of the
 * gateway schema. STORE_URL in the environment wins over `store` (see src/store/store-settings.ts).
 */
import Joi from 'joi';
import type { RawGateway, SchemaKeys } from '../raw-types';
import { positiveInt } from './common-schema';

export const storeSchema = Joi.object({
  type: Joi.string()
    .valid('embedded', 'postgres', 'memory')
    .default('embedded')
    .description('embedded: a SQLite file (one gateway); postgres: shared by replicas; memory: tests'),
  path: Joi.string().default('./data').description('embedded: the directory of gateway.sqlite'),
  url: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .description('postgres: connection URL; prefer STORE_URL for one with a password'),
  idempotency_quota_per_client: positiveInt(10000),
  lock_timeout_ms: positiveInt(10000),
} satisfies SchemaKeys<RawGateway['store']>).default();

export const auditSchema = Joi.object({
  enabled: Joi.boolean().default(true),
  payloads: Joi.boolean().default(false).description('keep request bodies (redacted, size-capped)'),
  payload_max_chars: positiveInt(16384),
  retention_days: positiveInt(30),
} satisfies SchemaKeys<RawGateway['audit']>).default();
