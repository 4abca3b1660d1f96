/**
 * The change feed's operation in the spec (`GET /bj_api_sync/v1/{name}/changes`, docs/changes.md):
 * its parameters and its answer, records in the endpoint's read shape or tombstones.
 */
import { EndpointDef } from '../config/types';
import { identifierOf } from '../records/record-lookup';
import { JsonSchema } from './json-schema';
import { query } from './list-parameters';

export function changesParameters(endpoint: EndpointDef): JsonSchema[] {
  return [
    query('cursor', 'The `next_cursor` of the previous page (opaque; absent: start)', { type: 'string' }),
    query(
      'since',
      'Without cursor: the first page of changes since this time (absent: start from now, an empty page)',
      { type: 'string', format: 'date-time', examples: ['2026-01-31T10:15:00Z'] },
    ),
    query('limit', `Changes per page (default ${endpoint.pageSize}, at most ${endpoint.maxPageSize})`, {
      type: 'integer',
      minimum: 1,
      maximum: endpoint.maxPageSize,
      default: endpoint.pageSize,
    }),
  ];
}

export function changesBody(endpoint: EndpointDef, record: JsonSchema | undefined): JsonSchema {
  const { key } = identifierOf(endpoint);
  const tombstone: JsonSchema = {
    type: 'object',
    description: 'An archived record',
    required: [key, 'deleted'],
    properties: { [key]: {}, deleted: { const: true } },
    additionalProperties: false,
  };
  return {
    type: 'object',
    required: ['success', 'data', 'count', 'next_cursor', 'has_more'],
    properties: {
      success: { const: true },
      data: { type: 'array', items: { anyOf: [tombstone, record ?? { type: 'object' }] } },
      count: { type: 'integer', description: 'Changes in this page' },
      next_cursor: { type: 'string', description: 'Send it back as `cursor` for the next page' },
      has_more: {
        type: 'boolean',
        description: 'true: more changes are waiting; false: caught up, ask later',
      },
    },
  };
}

export function changesExample(endpoint: EndpointDef, record: unknown): unknown {
  const { key } = identifierOf(endpoint);
  const example = record as Record<string, unknown>;
  return {
    success: true,
    data: [record, { [key]: example[key] ?? 42, deleted: true }],
    count: 2,
    next_cursor: 'q1ZKLU...',
    has_more: false,
  };
}
