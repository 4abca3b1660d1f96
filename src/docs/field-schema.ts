/**
 * The JSON Schema of one mapping line's value, from the Odoo field type (when fields_get is known)
 * and the line's own `type`/`enum`/`min`/`max`/`pattern`. Mirrors what the request validator
 * (mapping/input-schema.ts) accepts, so the docs never promise more than the gateway takes.
 */
import { FieldLine, FieldTypeRule } from '../config/types';
import { fieldMetaAt } from '../mapping/fields-catalog';
import { ModelFields, OdooFieldMeta, X2MANY_TYPES } from '../mapping/odoo-field-meta';
import { JsonSchema, nullable } from './json-schema';

/** read: a response value; create/update: a request value (nested objects are always "create"). */
export type SchemaSide = 'read' | 'create' | 'update';

export interface FieldSchemaContext {
  modelFields?: ReadonlyMap<string, ModelFields>;
  /** Returns the `$ref` of a nested mapping's schema for a side, or undefined when it is unknown. */
  nestedRef(mapping: string, side: SchemaSide): JsonSchema | undefined;
}

export function lineValueSchema(
  line: FieldLine,
  model: string,
  side: SchemaSide,
  ctx: FieldSchemaContext,
): JsonSchema {
  const meta = fieldMeta(line.field, model, ctx.modelFields);
  const write = side !== 'read';
  let schema: JsonSchema;
  if ((write && line.computeIn !== undefined) || (!write && line.compute !== undefined)) {
    schema = withRule({}, line.validate);
  } else {
    const many = cardinality(line, meta);
    const item = itemSchema(line, meta, side, ctx);
    if (many === 'one') schema = item;
    else if (many === 'many') schema = { type: 'array', items: item };
    else schema = { anyOf: [item, { type: 'array', items: item }] };
    const mustHaveValue = write && (line.required || line.identifier);
    if (many !== 'many' && !mustHaveValue && meta?.type !== 'boolean') schema = nullable(schema);
  }
  if (side === 'create' && line.default !== undefined) schema = { ...schema, default: line.default };
  if (line.example !== undefined) schema = { ...schema, examples: [line.example] };
  const description = describe(line, meta, side);
  return description ? { ...schema, description } : schema;
}

/**
 * One value or a list. Without fields_get a relational line's Odoo type is unknown: unless the line
 * says `x2many`, the docs admit both rather than guess.
 */
function cardinality(line: FieldLine, meta: OdooFieldMeta | undefined): 'one' | 'many' | 'unknown' {
  if (meta) return X2MANY_TYPES.has(meta.type) ? 'many' : 'one';
  if (line.x2many !== undefined) return 'many';
  return line.mapping !== undefined || line.relation !== undefined ? 'unknown' : 'one';
}

function itemSchema(
  line: FieldLine,
  meta: OdooFieldMeta | undefined,
  side: SchemaSide,
  ctx: FieldSchemaContext,
): JsonSchema {
  if (line.mapping) return ctx.nestedRef(line.mapping, side) ?? { type: 'object' };
  if (line.relation) {
    const matchMeta = fieldMeta(line.relation.match, line.relation.model, ctx.modelFields);
    if (matchMeta) return scalarSchema(matchMeta);
    return side === 'read' ? { type: 'string' } : { type: ['string', 'number'] };
  }
  if (meta && (meta.type === 'many2one' || X2MANY_TYPES.has(meta.type))) {
    return side === 'read' ? { type: 'integer' } : { type: 'integer', minimum: 1 };
  }
  return withRule(scalarSchema(meta), line.validate);
}

/** The field a dotted path (`partner_id.country_id.code`) ends on, through the relations fields_get names. */
function fieldMeta(
  path: string | undefined,
  model: string,
  modelFields: ReadonlyMap<string, ModelFields> | undefined,
): OdooFieldMeta | undefined {
  return path && modelFields ? fieldMetaAt(modelFields, model, path) : undefined;
}

function scalarSchema(meta: OdooFieldMeta | undefined): JsonSchema {
  switch (meta?.type) {
    case 'char':
    case 'text':
    case 'html':
      return { type: 'string' };
    case 'integer':
      return { type: 'integer' };
    case 'float':
    case 'monetary':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'binary':
      return { type: 'string', contentEncoding: 'base64' };
    case 'selection': {
      const values = (meta.selection ?? []).map(([value]) => value);
      return values.length > 0 ? { type: 'string', enum: values } : { type: 'string' };
    }
    default:
      return {};
  }
}

const RULE_TYPES: Record<string, JsonSchema> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  email: { type: 'string', format: 'email' },
  url: { type: 'string', format: 'uri' },
};

/** The line's `type` replaces the Odoo type; `min`/`max` bound numbers, or the length of strings. */
function withRule(base: JsonSchema, rule: FieldTypeRule): JsonSchema {
  const schema: JsonSchema = { ...(rule.type ? RULE_TYPES[rule.type] : base) };
  if (rule.enum) schema.enum = [...rule.enum];
  const numeric = schema.type === 'integer' || schema.type === 'number';
  if (numeric || schema.type === 'string') {
    if (rule.min !== undefined) schema[numeric ? 'minimum' : 'minLength'] = rule.min;
    if (rule.max !== undefined) schema[numeric ? 'maximum' : 'maxLength'] = rule.max;
  }
  if (rule.pattern !== undefined && schema.type === 'string') schema.pattern = rule.pattern;
  return schema;
}

function describe(line: FieldLine, meta: OdooFieldMeta | undefined, side: SchemaSide): string | undefined {
  const parts: string[] = [];
  if (meta?.string) parts.push(meta.string);
  if (line.field) parts.push(`Odoo field \`${line.field}\``);
  if (line.relation) parts.push(`matched on \`${line.relation.model}.${line.relation.match}\``);
  if (line.identifier) parts.push('identifies the record');
  if (side === 'read' && line.compute !== undefined) parts.push('computed');
  if (side !== 'read' && line.computeIn !== undefined) parts.push('transformed before writing');
  return parts.length > 0 ? parts.join('; ') : undefined;
}
