/**
 * Example records for the docs: OpenAPI request and response examples and the Postman smoke suite's
 * bodies, from the same values. A line's own `example:` first; else a value of the line's type (its
 * enum, format, bounds). A relation is matched in Odoo on a real value, so without an `example:` an
 * optional relation is left out of request bodies rather than sent with a value that matches nothing.
 */
import { FieldLine, MappingDef } from '../config/types';
import { isReadableLine, isWritableLine } from '../mapping/writable-lines';
import { FieldSchemaContext, SchemaSide, lineValueSchema } from './field-schema';
import { JsonSchema } from './json-schema';
import { sampleValue } from './schema-sample';

/** Nested mappings can refer to each other: examples stop nesting below this depth. */
const MAX_DEPTH = 2;

export interface ExampleContext {
  schema: FieldSchemaContext;
  lookup(name: string): MappingDef | undefined;
}

export type ExampleRecord = Record<string, unknown>;

/** The record as `side` shows it: a GET answer (`read`), a POST body or a partial PUT body. */
export function exampleRecord(
  mapping: MappingDef,
  side: SchemaSide,
  ctx: ExampleContext,
  depth = 0,
): ExampleRecord {
  const record: ExampleRecord = {};
  for (const line of mapping.fields) {
    if (!(side === 'read' ? isReadableLine(line) : isWritableLine(line))) continue;
    if (side !== 'read' && !sentInExample(line)) continue;
    const value = lineExample(line, mapping.model, side, ctx, depth);
    if (value !== undefined) record[line.key] = value;
  }
  return record;
}

/** The value that names a record in URLs: the identifier line's example, or an Odoo id. */
export function exampleIdentifier(mapping: MappingDef, ctx: ExampleContext): unknown {
  const line = mapping.identifier;
  return line ? lineExample(line, mapping.model, 'update', ctx, 0) : 42;
}

/** Relations are sent only with a real value to match (`example:`) or when Odoo needs one. */
function sentInExample(line: FieldLine): boolean {
  return line.relation === undefined || line.example !== undefined || line.required;
}

function lineExample(
  line: FieldLine,
  model: string,
  side: SchemaSide,
  ctx: ExampleContext,
  depth: number,
): unknown {
  if (line.example !== undefined) return line.example;
  const schema = lineValueSchema(line, model, side, ctx.schema);
  if (line.mapping) return nestedExample(line, schema, side, ctx, depth);
  return sampleValue(schema, {}, 0, exampleText(line.key));
}

function nestedExample(
  line: FieldLine,
  schema: JsonSchema,
  side: SchemaSide,
  ctx: ExampleContext,
  depth: number,
): unknown {
  const nested = line.mapping ? ctx.lookup(line.mapping) : undefined;
  if (!nested || depth >= MAX_DEPTH) return undefined;
  // Nested objects are written as creates whatever the outer request is (mapping-schemas.ts).
  const one = exampleRecord(nested, side === 'read' ? 'read' : 'create', ctx, depth + 1);
  return isList(line, schema) ? [one] : one;
}

/**
 * Without fields_get the cardinality is unknown: Odoo names its many2one fields `*_id` (`partner_id`),
 * and its x2many ones otherwise (`child_ids`, `order_line`).
 */
function isList(line: FieldLine, schema: JsonSchema): boolean {
  if (schema.type === 'array' || line.x2many !== undefined) return true;
  return Array.isArray(schema.anyOf) && !(line.field ?? '').endsWith('_id');
}

/** `customer_name` → `Example customer name`: a plain text example that says what it stands for. */
function exampleText(key: string): string {
  return `Example ${key.replace(/[_-]+/g, ' ')}`;
}
