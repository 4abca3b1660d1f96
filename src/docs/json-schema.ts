/** A JSON Schema (OpenAPI 3.1 dialect) as plain data: the docs only build and serialise them. */
export type JsonSchema = Record<string, unknown>;

/** Where component schemas live, so every `$ref` the generator writes points at one place. */
export const SCHEMA_REF_PREFIX = '#/components/schemas/';

export function schemaRef(name: string): JsonSchema {
  return { $ref: `${SCHEMA_REF_PREFIX}${name}` };
}

/** Allows `null` next to a schema: a plain type gets `[type, 'null']`, anything else an `anyOf`. */
export function nullable(schema: JsonSchema): JsonSchema {
  const { type, enum: values } = schema;
  if (Object.keys(schema).length === 0) return schema;
  const withNullEnum = Array.isArray(values) ? { enum: [...(values as unknown[]), null] } : {};
  if (typeof type === 'string') return { ...schema, ...withNullEnum, type: [type, 'null'] };
  if (Array.isArray(type)) {
    return type.includes('null')
      ? schema
      : { ...schema, ...withNullEnum, type: [...(type as unknown[]), 'null'] };
  }
  if (Array.isArray(schema.anyOf) && Object.keys(schema).length === 1) {
    return { anyOf: [...(schema.anyOf as unknown[]), { type: 'null' }] };
  }
  return { anyOf: [schema, { type: 'null' }] };
}
