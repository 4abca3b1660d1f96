/**
 * Query parameters of GET list (api.md): paging, order, fields, updated_since, and one filter parameter
 * per filterable key, its operators typed like the value they filter on.
 */
import { EndpointDef, FieldLine } from '../config/types';
import { isReadableLine } from '../mapping/writable-lines';
import { FieldSchemaContext, lineValueSchema } from './field-schema';
import { JsonSchema } from './json-schema';

export const FILTER_OPERATORS = [
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
] as const;

/** Keys a client may filter and order on: read from a real Odoo field, not computed. */
export function filterableLines(endpoint: EndpointDef): FieldLine[] {
  return endpoint.fields.filter((line) => isReadableLine(line) && line.field !== undefined && !line.compute);
}

export function listParameters(endpoint: EndpointDef, ctx: FieldSchemaContext): JsonSchema[] {
  const filterable = filterableLines(endpoint);
  const params: JsonSchema[] = [
    query('limit', `Page size (default ${endpoint.pageSize}, at most ${endpoint.maxPageSize})`, {
      type: 'integer',
      minimum: 1,
      maximum: endpoint.maxPageSize,
      default: endpoint.pageSize,
    }),
    query('offset', 'Records to skip', { type: 'integer', minimum: 0, default: 0 }),
    query(
      'order',
      `Comma list of keys, \`-\` prefix for descending; keys: ${filterable.map((l) => l.key).join(', ')}`,
      { type: 'string' },
    ),
    fieldsParameter(endpoint),
    query(
      'updated_since',
      'Only records Odoo changed at or after this time (its `write_date`), in id order unless `order` is ' +
        'given: a sync client pulls only what changed',
      { type: 'string', format: 'date-time', examples: ['2026-01-31T10:15:00Z'] },
    ),
  ];
  for (const line of filterable) params.push(filterParameter(line, endpoint.model, ctx));
  return params;
}

/** `fields=`: on GET list and GET one. */
export function fieldsParameter(endpoint: EndpointDef): JsonSchema {
  const readable = endpoint.fields.filter(isReadableLine).map((line) => line.key);
  return query('fields', `Comma list of keys to return; keys: ${readable.join(', ')}`, { type: 'string' });
}

/**
 * One row per key, not one per operator: a `deepObject` parameter serialises `{gte: 5, lt: 9}` as
 * `amount[gte]=5&amount[lt]=9`, which is exactly what the gateway reads. `key=v` is `key[eq]=v`.
 */
function filterParameter(line: FieldLine, model: string, ctx: FieldSchemaContext): JsonSchema {
  const value = filterValueSchema(line, lineValueSchema(line, model, 'read', ctx));
  const properties: Record<string, JsonSchema> = {};
  for (const op of FILTER_OPERATORS) {
    properties[op] = { ...operatorSchema(op, value), description: operatorDescription(line.key, op) };
  }
  return {
    name: line.key,
    in: 'query',
    required: false,
    style: 'deepObject',
    explode: true,
    description:
      `Filter on \`${line.key}\`: \`${line.key}=v\` (equals) or \`${line.key}[op]=v\`, op one of ` +
      `${FILTER_OPERATORS.join(', ')}; several are ANDed`,
    schema: { type: 'object', properties, additionalProperties: false },
  };
}

function operatorSchema(op: (typeof FILTER_OPERATORS)[number], value: JsonSchema): JsonSchema {
  if (op === 'null') return { type: 'boolean' };
  if (op === 'in' || op === 'nin') return { type: 'string' };
  if (op === 'like' || op === 'ilike') return { type: 'string' };
  return value;
}

function operatorDescription(key: string, op: string): string {
  if (op === 'null') return `\`${key}\` is empty (true) or set (false)`;
  if (op === 'in' || op === 'nin') return `\`${key}\` ${op === 'in' ? 'is' : 'is not'} one of a comma list`;
  if (op === 'like' || op === 'ilike')
    return `\`${key}\` contains the text (${op === 'ilike' ? 'any case' : 'same case'})`;
  return `\`${key}\` ${op} value`;
}

/**
 * The scalar a filter compares with: what the gateway coerces the text to (list-query.ts). A related
 * record by its match value (a country code), a nested mapping or a plain relation by its Odoo id.
 */
function filterValueSchema(line: FieldLine, schema: JsonSchema): JsonSchema {
  if (line.mapping) return { type: 'integer', description: 'Odoo id' };
  let scalar = schema;
  if (Array.isArray(scalar.anyOf)) {
    const options = (scalar.anyOf as JsonSchema[]).filter((option) => option.type !== 'null');
    scalar = options[0] ?? { type: 'string' };
  }
  if (scalar.type === 'array' && typeof scalar.items === 'object') scalar = scalar.items as JsonSchema;
  if (scalar.$ref !== undefined) return { type: 'string' };
  const { description: _description, default: _default, examples: _examples, ...rest } = scalar;
  scalar = rest;
  if (Array.isArray(scalar.type)) {
    const types = (scalar.type as string[]).filter((type) => type !== 'null');
    scalar = { ...scalar, type: types.length === 1 ? types[0] : types };
  }
  if (Array.isArray(scalar.enum)) scalar = { ...scalar, enum: scalar.enum.filter((value) => value !== null) };
  if (scalar.type === 'object' || Object.keys(scalar).length === 0) return { type: 'string' };
  return scalar;
}

export function query(name: string, description: string, schema: JsonSchema): JsonSchema {
  return { name, in: 'query', required: false, description, schema };
}
