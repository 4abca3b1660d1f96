/** Pieces shared by the gateway.yaml and endpoint file schemas. */
import Joi from 'joi';
import type { RawAuth, SchemaKeys } from '../raw-types';

export const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const MODEL_PATTERN = /^[a-z_][a-z0-9_]*(\.[a-z0-9_]+)*$/;
export const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const FIELD_PATH_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** A plain token, or `sha256:` followed by the 64 hex digits of the token's SHA-256. */
export const TOKEN_PATTERN = /^(?!sha256:)[\s\S]+$|^sha256:[0-9a-fA-F]{64}$/;

export const nameSchema = Joi.string().pattern(NAME_PATTERN).messages({
  'string.pattern.base':
    'must be 1-64 lowercase letters, digits, "-" or "_", starting with a letter or digit (it is part of the URL)',
});

export const modelSchema = Joi.string()
  .pattern(MODEL_PATTERN)
  .messages({ 'string.pattern.base': 'must be an Odoo model name such as res.partner' });

export const fieldSchema = Joi.string()
  .pattern(FIELD_PATTERN)
  .messages({ 'string.pattern.base': 'must be an Odoo field name such as country_id' });

export const fieldPathSchema = Joi.string().pattern(FIELD_PATH_PATTERN).messages({
  'string.pattern.base': 'must be an Odoo field name (or a dotted path such as partner_id.name)',
});

const tokenSchema = Joi.string().pattern(TOKEN_PATTERN).messages({
  'string.pattern.base': 'a `sha256:` token must be followed by exactly 64 hexadecimal characters',
  'string.empty': 'must not be empty (is its environment variable empty?)',
});

const userSchema = Joi.object({
  username: Joi.string().required(),
  password: Joi.string()
    .required()
    .messages({ 'string.empty': 'must not be empty (is its environment variable empty?)' }),
});

/** Credentials per type are checked in code (auth-checks.ts) so the message can say what is missing. */
export const authSchema = Joi.object({
  type: Joi.string().valid('none', 'basic', 'bearer').required().description('none | basic | bearer'),
  tokens: Joi.array().items(tokenSchema).description('bearer: plain tokens (from env) or sha256:<64 hex>'),
  users: Joi.array().items(userSchema).description('basic: username/password pairs'),
} satisfies SchemaKeys<RawAuth>);

export const positiveInt = (fallback: number): Joi.NumberSchema =>
  Joi.number().integer().min(1).default(fallback);
export const nonNegativeInt = (fallback: number): Joi.NumberSchema =>
  Joi.number().integer().min(0).default(fallback);
