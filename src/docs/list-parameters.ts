/**
 * Query parameters of GET list (api.md): paging, order, fields, and one `{key}` plus one `{key}[op]`
 * parameter per readable mapped key, typed like the value they filter on.
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
  const readable = endpoint.fields.filter(isReadableLine).map((line) => line.key);
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
    query('fields', `Comma list of keys to return; keys: ${readable.join(', ')}`, { type: 'string' }),
  ];
  for (const line of filterable) params.push(...filterParameters(line, endpoint.model, ctx));
  return params;
}

function filterParameters(line: FieldLine, model: string, ctx: FieldSchemaContext): JsonSchema[] {
  const value = filterValueSchema(lineValueSchema(line, model, 'read', ctx));
  const params = [query(line.key, `Equality filter on \`${line.key}\``, value)];
  for (const op of FILTER_OPERATORS) {
    params.push(query(`${line.key}[${op}]`, operatorDescription(line.key, op), operatorSchema(op, value)));
  }
  return params;
}

function operatorSchema(op: (typeof FILTER_OPERATORS)[number], value: JsonSchema): JsonSchema {
  if (op === 'null') return { type: 'boolean' };
  if (op === 'in' || op === 'nin') return { type: 'string', description: 'comma list' };
  if (op === 'like' || op === 'ilike') return { type: 'string' };
  return value;
}

function operatorDescription(key: string, op: string): string {
  if (op === 'null') return `\`${key}\` is empty (true) or set (false)`;
  if (op === 'in' || op === 'nin') return `\`${key}\` ${op === 'in' ? 'is' : 'is not'} one of a comma list`;
  return `\`${key}\` ${op} value`;
}

/** The scalar a filter compares with: array items, no null, objects by their identifier text. */
function filterValueSchema(schema: JsonSchema): JsonSchema {
  let scalar =
    schema.type === 'array' && typeof schema.items === 'object' ? (schema.items as JsonSchema) : schema;
  if (Array.isArray(scalar.anyOf) || scalar.$ref !== undefined) return { type: 'string' };
  const { description: _description, default: _default, ...rest } = scalar;
  scalar = rest;
  if (Array.isArray(scalar.type)) {
    const types = (scalar.type as string[]).filter((type) => type !== 'null');
    scalar = { ...scalar, type: types.length === 1 ? types[0] : types };
  }
  if (Array.isArray(scalar.enum)) scalar = { ...scalar, enum: scalar.enum.filter((value) => value !== null) };
  if (scalar.type === 'object') return { type: 'string' };
  return scalar;
}

function query(name: string, description: string, schema: JsonSchema): JsonSchema {
  return { name, in: 'query', required: false, description, schema };
}
