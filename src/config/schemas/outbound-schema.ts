/**
 * joi schema of an endpoint's `outbound:` block (docs/outbound.md): structure and defaults only;
 * which credentials an auth type needs, and that secrets come from the environment, are checked in
 * code (outbound-checks.ts), where the message can say what to write.
 */
import Joi from 'joi';
import type { RawOutbound, RawOutboundAuth, SchemaKeys } from '../raw-types';
import { positiveInt } from './common-schema';

export const OUTBOUND_EVENTS = ['create', 'update', 'archive'] as const;
export const OUTBOUND_AUTH_TYPES = ['none', 'basic', 'bearer', 'hmac'] as const;

const secret = Joi.string().messages({
  'string.empty': 'must not be empty (is its environment variable empty?)',
});

const outboundAuthSchema = Joi.object({
  type: Joi.string()
    .valid(...OUTBOUND_AUTH_TYPES)
    .required()
    .description('none | basic | bearer | hmac'),
  username: Joi.string().description('basic'),
  password: secret.description('basic: from the environment, "${VAR}"'),
  token: secret.description('bearer: from the environment, "${VAR}"'),
  secret: secret.description('hmac: the signing key, from the environment, "${VAR}"'),
} satisfies SchemaKeys<RawOutboundAuth>);

export const outboundSchema = Joi.object({
  url: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .required()
    .description('the receiver: every delivery is a POST here'),
  auth: outboundAuthSchema.default({ type: 'none' }),
  events: Joi.array()
    .items(Joi.string().valid(...OUTBOUND_EVENTS))
    .unique()
    .min(1)
    .default([...OUTBOUND_EVENTS]),
  interval_s: positiveInt(10).description('seconds between two reads of the change feed'),
  batch_size: positiveInt(1).max(1000).description('events per POST'),
  timeout_ms: positiveInt(10000),
  max_attempts: positiveInt(10).description('then the delivery goes to the dead letters'),
  backoff: Joi.object({
    initial_ms: positiveInt(1000),
    max_ms: positiveInt(300000),
  } satisfies SchemaKeys<RawOutbound['backoff']>).default(),
} satisfies SchemaKeys<RawOutbound>);
