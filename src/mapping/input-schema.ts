/**
 * The joi schema of a request body, built from the mapping lines plus the Odoo field types, so that
 * every bad key is reported at once (with its `line_id`) before anything reaches Odoo.
 */
import Joi from 'joi';
import { FieldLine, MappingDef } from '../config/types';
import { ErrorDetail } from '../errors/gateway-error';
import { FieldsCatalog, MappingLookup, fieldsOf } from './fields-catalog';
import { nestedObjectsAt } from './nested-objects';
import { OdooFieldMeta, X2MANY_TYPES } from './odoo-field-meta';
import { INT32_MAX, INT32_MIN, isRealDate, isoToOdooDatetime } from './odoo-values';
import { isWritableLine } from './writable-lines';

export type WriteMode = 'create' | 'update';

export interface SchemaContext {
  catalog: FieldsCatalog;
  lookup: MappingLookup;
  unknownKeys: 'reject' | 'ignore';
}

export function buildInputSchema(
  mapping: MappingDef,
  mode: WriteMode,
  context: SchemaContext,
): Joi.ObjectSchema {
  const fields = fieldsOf(context.catalog, mapping.model);
  const keys: Record<string, Joi.Schema> = {};
  for (const line of mapping.fields) {
    if (!isWritableLine(line)) {
      keys[line.key] = Joi.any().forbidden().messages({ 'any.unknown': 'is read-only' });
      continue;
    }
    let schema = lineSchema(line, line.field ? fields[line.field] : undefined, context);
    const mustHaveValue = line.required || line.identifier;
    schema = mustHaveValue ? schema : schema.allow(null);
    // An empty identifier names no record, and an empty required text is no value (Odoo would store it).
    if (mustHaveValue && schema.type === 'string') {
      schema = schema.invalid('').messages({ 'any.invalid': 'must not be empty' });
    }
    if (mode === 'create' && line.required && line.default === undefined) schema = schema.required();
    keys[line.key] = schema;
  }
  const object = Joi.object(keys).messages({ 'object.unknown': 'is not a key of this endpoint' });
  return context.unknownKeys === 'ignore' ? object.unknown(true) : object.unknown(false);
}

function lineSchema(line: FieldLine, meta: OdooFieldMeta | undefined, context: SchemaContext): Joi.Schema {
  if (line.computeIn !== undefined) return Joi.any();
  const isMany = meta !== undefined && X2MANY_TYPES.has(meta.type);
  let item: Joi.Schema;
  if (line.mapping) {
    const nested = context.lookup(line.mapping);
    // Nested objects follow the endpoint's `unknown_keys`, like its top-level keys.
    item = nested ? buildInputSchema(nested, 'create', context) : Joi.object();
  } else if (line.relation) {
    item = Joi.alternatives(Joi.string().min(1), Joi.number()).messages({
      'alternatives.types': `must be a ${line.relation.model} ${line.relation.match}`,
    });
  } else if (meta?.type === 'many2one' || isMany) {
    // An id beyond int4 names no record; Odoo would answer with SQL's error instead of a 400.
    item = Joi.number().integer().positive().max(INT32_MAX);
  } else {
    item = withRule(scalarSchema(meta), line);
  }
  return isMany ? Joi.array().items(item) : item;
}

function scalarSchema(meta: OdooFieldMeta | undefined): Joi.Schema {
  switch (meta?.type) {
    case 'integer':
      // Odoo integers are PostgreSQL int4: a larger value would come back as a 502 from Odoo.
      return Joi.number().integer().min(INT32_MIN).max(INT32_MAX);
    case 'float':
    case 'monetary':
      return Joi.number();
    case 'boolean':
      return Joi.boolean();
    case 'date':
      return Joi.string()
        .custom((value: string, helpers) => (isRealDate(value) ? value : helpers.error('date.real')))
        .messages({ 'date.real': 'must be a date (YYYY-MM-DD)' });
    case 'datetime':
      return Joi.string()
        .custom((value: string, helpers) =>
          isoToOdooDatetime(value) === undefined ? helpers.error('datetime.real') : value,
        )
        .messages({ 'datetime.real': 'must be an ISO 8601 datetime (e.g. 2026-11-29T10:15:00Z)' });
    case 'selection': {
      const values = (meta.selection ?? []).map(([value]) => value);
      return values.length > 0 ? Joi.string().valid(...values) : Joi.string();
    }
    case 'char':
    case 'text':
    case 'html':
    case 'binary':
      return Joi.string().allow('');
    default:
      return Joi.any();
  }
}

/** The line's own `type`, `enum`, `min`, `max`, `pattern` on top of what the Odoo type demands. */
function withRule(base: Joi.Schema, line: FieldLine): Joi.Schema {
  const rule = line.validate;
  let schema: Joi.Schema = base;
  switch (rule.type) {
    case 'string':
      schema = Joi.string().allow('');
      break;
    case 'integer':
      schema = Joi.number().integer();
      break;
    case 'number':
      schema = Joi.number();
      break;
    case 'boolean':
      schema = Joi.boolean();
      break;
    case 'date':
      schema = scalarSchema({ type: 'date' });
      break;
    case 'datetime':
      schema = scalarSchema({ type: 'datetime' });
      break;
    case 'email':
      schema = Joi.string().email({ tlds: false });
      break;
    case 'url':
      schema = Joi.string().uri({ scheme: ['http', 'https'] });
      break;
    default:
      break;
  }
  if (rule.enum) schema = schema.valid(...rule.enum);
  if (schema.type === 'number' || schema.type === 'string') {
    const bounded = schema as Joi.NumberSchema & Joi.StringSchema;
    if (rule.min !== undefined) schema = bounded.min(rule.min);
    if (rule.max !== undefined) schema = (schema as Joi.NumberSchema & Joi.StringSchema).max(rule.max);
  }
  if (rule.pattern !== undefined && schema.type === 'string') {
    schema = (schema as Joi.StringSchema).pattern(new RegExp(rule.pattern));
  }
  return schema;
}

/**
 * The keys of `body` that no line of `mapping` has, at the top level and inside nested objects
 * (`lines[1].__proto__`), `__proto__` included (joi does not see it), listing at most `limit` of them.
 * A plain loop: joi would take seconds over 75,000 unknown keys.
 */
export function unknownKeysOf(
  mapping: MappingDef,
  body: Record<string, unknown>,
  limit: number,
  lookup: MappingLookup,
): { problems: ErrorDetail[]; total: number } {
  const problems: ErrorDetail[] = [];
  let total = 0;
  const visit = (current: MappingDef, object: Record<string, unknown>, prefix: string): void => {
    const lines = new Map(current.fields.map((line) => [line.key, line]));
    for (const key of Object.keys(object)) {
      const line = lines.get(key);
      if (!line) {
        total++;
        if (problems.length < limit) {
          problems.push({ line_id: `${prefix}${key}`, error: 'is not a key of this endpoint' });
        }
        continue;
      }
      const nested = line.mapping === undefined ? undefined : lookup(line.mapping);
      if (!nested) continue;
      for (const inner of nestedObjectsAt(object[key], `${prefix}${key}`)) {
        visit(nested, inner.object, `${inner.lineId}.`);
      }
    }
  };
  visit(mapping, body, '');
  return { problems, total };
}

/**
 * Validates a body: every problem at once, one per key (joi can report two rules of one key, such as
 * an empty identifier being both empty and invalid), each with the `line_id` a caller sees.
 */
export function validateWithSchema(schema: Joi.ObjectSchema, body: unknown): ErrorDetail[] {
  const { error } = schema.validate(body, { abortEarly: false, convert: false, errors: { label: false } });
  const problems = new Map<string, ErrorDetail>();
  for (const detail of error?.details ?? []) {
    const lineId = lineIdOf(detail.path);
    if (!problems.has(lineId)) problems.set(lineId, { line_id: lineId || null, error: detail.message });
  }
  return [...problems.values()];
}

/** Joi's path `['contacts', 0, 'email']` → `contacts[0].email`, the `line_id` a caller sees. */
export function lineIdOf(path: readonly (string | number)[]): string {
  return path.reduce<string>((id, part) => {
    if (typeof part === 'number') return `${id}[${part}]`;
    return id === '' ? part : `${id}.${part}`;
  }, '');
}
