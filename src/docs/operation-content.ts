/**
 * Request and response bodies of the endpoint operations, each with an example built from the
 * mapping's example values (example-values.ts), the same ones the Postman collection sends.
 */
import { JsonSchema } from './json-schema';
import { ExampleRecord } from './example-values';
import { REQUEST_ID_HEADER, WRITE_HEADERS } from './openapi-common';

/** A success answer; writes also say whether they were replayed from an earlier Idempotency-Key. */
export function ok(description: string, schema: JsonSchema, example: unknown, write = false): JsonSchema {
  return {
    description,
    headers: write ? WRITE_HEADERS : REQUEST_ID_HEADER,
    content: { 'application/json': { schema, example } },
  };
}

export function jsonBody(schema: JsonSchema, example: unknown): JsonSchema {
  return { required: true, content: { 'application/json': { schema, example } } };
}

/** One record or a JSON array of them; the examples show both. */
export function singleOrBatch(one: JsonSchema | undefined, maxBatch: number, example: unknown): JsonSchema {
  const item = one ?? { type: 'object' };
  return {
    required: true,
    content: {
      'application/json': {
        schema: { oneOf: [item, { type: 'array', items: item, minItems: 1, maxItems: maxBatch }] },
        examples: {
          one: { summary: 'One record', value: example },
          batch: { summary: 'A batch: one result per item', value: [example] },
        },
      },
    },
  };
}

export function listBody(record: JsonSchema | undefined): JsonSchema {
  return {
    type: 'object',
    required: ['success', 'data', 'count', 'total', 'limit', 'offset'],
    properties: {
      success: { const: true },
      data: { type: 'array', items: record ?? { type: 'object' } },
      count: { type: 'integer', description: 'Records in this page' },
      total: { type: 'integer', description: 'Records matching the filters' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
    },
  };
}

export function listExample(record: ExampleRecord, limit: number): unknown {
  return { success: true, data: [record], count: 1, total: 1, limit, offset: 0 };
}

export function dataBody(record: JsonSchema | undefined): JsonSchema {
  return {
    type: 'object',
    required: ['success', 'data'],
    properties: { success: { const: true }, data: record ?? { type: 'object' } },
  };
}

export function writeExample(message: string): unknown {
  return { success: true, message, id: 42 };
}

export function batchExample(): unknown {
  return {
    success: true,
    created: 1,
    updated: 0,
    failed: 0,
    results: [{ index: 0, success: true, id: 42, message: 'Record created' }],
  };
}
