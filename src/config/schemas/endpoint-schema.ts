/**
 * joi schema of an endpoint or mapping file. Structure only: rules that relate keys to each other
 * (direction vs compute, identifiers, auth credentials, domains) are checked in code, where the
 * message can explain the fix.
 */
import Joi from 'joi';
import type { RawEndpointFile, RawFieldLine, SchemaKeys } from '../raw-types';
import {
  authSchema,
  fieldPathSchema,
  fieldSchema,
  modelSchema,
  nameSchema,
  nonNegativeInt,
  positiveInt,
} from './common-schema';
import { outboundSchema } from './outbound-schema';

export const VALUE_TYPES = [
  'string',
  'integer',
  'number',
  'boolean',
  'date',
  'datetime',
  'email',
  'url',
] as const;
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
/** Keys that only make sense on an HTTP endpoint; a mapping file must not have them. */
export const ENDPOINT_ONLY_KEYS = [
  'methods',
  'auth',
  'domain',
  'defaults',
  'context',
  'page_size',
  'max_page_size',
  'max_batch',
  'delete',
  'upsert',
  'unknown_keys',
  'changes',
  'outbound',
] as const;

const relationSchema = Joi.object({
  model: modelSchema.required(),
  match: fieldSchema.required(),
  create_missing: Joi.boolean().default(false),
  on_ambiguous: Joi.string().valid('refuse', 'lowest_id'),
} satisfies SchemaKeys<NonNullable<RawFieldLine['relation']>>);

export const fieldLineSchema = Joi.object({
  key: Joi.string()
    .pattern(/^(?!-)[^\s[\],]+$/)
    .required()
    .description('external API key, unique in the file')
    .messages({
      'string.pattern.base':
        'must not start with "-" nor hold spaces, commas or brackets (it is used in query strings)',
    }),
  field: fieldPathSchema.description('Odoo field; dotted paths only for direction out'),
  identifier: Joi.boolean().default(false),
  required: Joi.boolean().default(false),
  type: Joi.string().valid(...VALUE_TYPES),
  enum: Joi.array().items(Joi.alternatives().try(Joi.string(), Joi.number())).min(1),
  min: Joi.number(),
  max: Joi.number(),
  pattern: Joi.string(),
  direction: Joi.string().valid('in', 'out', 'both').default('both'),
  default: Joi.any().description('value used on create when the key is absent'),
  value: Joi.any().description('constant written on create and update'),
  relation: relationSchema,
  mapping: Joi.string().description('name of another mapping: nested objects'),
  x2many: Joi.string().valid('replace', 'add'),
  compute: Joi.string().description('JSONata over the Odoo record (direction out)'),
  compute_in: Joi.string().description('JSONata over the request body; result written to field'),
  example: Joi.any().description('a realistic value for the docs and the Postman collection'),
} satisfies SchemaKeys<RawFieldLine>);

export const endpointSchema = Joi.object({
  endpoint: nameSchema.description('URL name: /bj_api_sync/v1/<endpoint>'),
  mapping: nameSchema.description('name of a mapping file (no HTTP route)'),
  description: Joi.string(),
  model: modelSchema.required(),
  methods: Joi.array()
    .items(Joi.string().valid(...HTTP_METHODS))
    .unique()
    .min(1)
    .default(['GET']),
  auth: authSchema,
  domain: Joi.array().default([]).description('Odoo domain limiting every read, update and delete'),
  defaults: Joi.object().unknown(true).default({}),
  context: Joi.object().unknown(true).default({}),
  page_size: positiveInt(100),
  max_page_size: positiveInt(1000),
  max_batch: positiveInt(1000),
  delete: Joi.string().valid('unlink', 'archive').default('unlink'),
  upsert: Joi.boolean().default(false),
  unknown_keys: Joi.string().valid('reject', 'ignore').default('reject'),
  changes: Joi.object({
    overlap_s: positiveInt(60).max(86_400).description('change feed: seconds re-read for late commits'),
    clock_skew_s: nonNegativeInt(2)
      .max(60)
      .description('change feed: how far the Odoo and gateway clocks may differ'),
  } satisfies SchemaKeys<NonNullable<RawEndpointFile['changes']>>),
  outbound: outboundSchema.description('push changes to a receiver (docs/outbound.md)'),
  odoo_fills: Joi.array()
    .items(fieldSchema)
    .unique()
    .default([])
    .description('required Odoo fields that Odoo fills on create itself (computed without @api.depends)'),
  fields: Joi.array().items(fieldLineSchema).min(1).required(),
} satisfies SchemaKeys<RawEndpointFile>)
  // Messages for these two are written in joi-problems.ts: `.messages()` here would cascade to every child.
  .xor('endpoint', 'mapping')
  .required();
