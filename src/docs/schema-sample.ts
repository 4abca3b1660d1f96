/**
 * An example value for a generated JSON Schema: what a Postman request body shows a user. Built from
 * the same schemas as the OpenAPI document, so an example always has the keys the gateway accepts.
 */
import { JsonSchema, SCHEMA_REF_PREFIX } from './json-schema';

/** Nested mappings can refer to each other; examples stop nesting objects below this depth. */
const MAX_DEPTH = 3;

const STRING_SAMPLES: Record<string, string> = {
  email: 'jane.doe@example.com',
  date: '2026-01-31',
  'date-time': '2026-01-31T10:15:00Z',
  uri: 'https://example.com',
};

/** `text`: what a plain string becomes (the example's key name reads better than a type name). */
export function sampleValue(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  depth = 0,
  text = 'text',
): unknown {
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (typeof schema.$ref === 'string') {
    const target = components[schema.$ref.slice(SCHEMA_REF_PREFIX.length)];
    return target && depth < MAX_DEPTH ? sampleValue(target, components, depth + 1) : {};
  }
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[];
    const first = options.find((option) => option.type !== 'null');
    return first ? sampleValue(first, components, depth, text) : null;
  }
  if (Array.isArray(schema.enum)) return schema.enum.find((value) => value !== null) ?? null;
  const type = firstType(schema.type);
  switch (type) {
    case 'object':
      return sampleObject(schema, components, depth);
    case 'array': {
      const items = (schema.items as JsonSchema | undefined) ?? {};
      return depth < MAX_DEPTH ? [sampleValue(items, components, depth + 1, text)] : [];
    }
    case 'integer':
      return typeof schema.minimum === 'number' ? Math.max(1, schema.minimum) : 1;
    case 'number':
      return typeof schema.minimum === 'number' ? Math.max(1.5, schema.minimum) : 1.5;
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema, text);
    default:
      return text;
  }
}

function sampleObject(schema: JsonSchema, components: Record<string, JsonSchema>, depth: number): unknown {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const sample: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    sample[key] = sampleValue(property, components, depth);
  }
  return sample;
}

function sampleString(schema: JsonSchema, base: string): string {
  const format = typeof schema.format === 'string' ? STRING_SAMPLES[schema.format] : undefined;
  if (format) return format;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const text = base.padEnd(minLength, 'x');
  return text.slice(0, Math.max(1, Math.min(text.length, maxLength)));
}

function firstType(type: unknown): string | undefined {
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((entry): entry is string => entry !== 'null');
  return undefined;
}
