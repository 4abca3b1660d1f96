/**
 * The two path items of one endpoint (`/bj_api_sync/v1/{name}` and `.../{name}/{id}`), holding only
 * the enabled methods, each with the error responses it can really give.
 */
import { EndpointDef, HttpMethod } from '../config/types';
import { FieldSchemaContext, lineValueSchema } from './field-schema';
import { JsonSchema, schemaRef } from './json-schema';
import { listParameters } from './list-parameters';
import { MappingSchemas, identifierKey } from './mapping-schemas';
import {
  BATCH_RESULT_SCHEMA,
  REQUEST_ID_HEADER,
  WRITE_RESULT_SCHEMA,
  errorResponseRef,
  parameterRef,
} from './openapi-common';

export const API_PREFIX = '/bj_api_sync/v1';

export interface EndpointPaths {
  collection: JsonSchema;
  item: JsonSchema;
}

export function securitySchemeName(owner: string): string {
  return `${owner}_auth`;
}

export function endpointPaths(
  endpoint: EndpointDef,
  schemas: MappingSchemas,
  ctx: FieldSchemaContext,
): EndpointPaths {
  const enabled = (method: HttpMethod) => endpoint.methods.includes(method);
  const op = operationFactory(endpoint);
  const read = schemas.ref(endpoint.name, 'read');
  const key = identifierKey(endpoint);
  const collection: JsonSchema = {};
  const item: JsonSchema = { parameters: [idParameter(endpoint, ctx)] };

  const ambiguous = endpoint.identifier ? ['409'] : [];
  const missing = endpoint.upsert ? [] : ['404'];

  if (enabled('GET')) {
    collection.get = op('list', 'List records', listParameters(endpoint, ctx), ['400'], {
      '200': ok('A page of records', listBody(read)),
    });
    item.get = op('get', 'Get one record', [], ['400', '404', ...ambiguous], {
      '200': ok('The record', dataBody(read)),
    });
  }
  if (enabled('POST')) {
    collection.post = {
      ...op('create', 'Create a record, or a batch (JSON array)', writeHeaders(), bodyErrors(), {
        '201': ok('Record created', schemaRef(WRITE_RESULT_SCHEMA)),
        '200': ok('Batch processed: one result per item', schemaRef(BATCH_RESULT_SCHEMA)),
      }),
      requestBody: singleOrBatch(schemas.ref(endpoint.name, 'create'), endpoint.maxBatch),
    };
  }
  if (enabled('PUT')) {
    const updated = ok('Record updated, or batch processed', {
      oneOf: [schemaRef(WRITE_RESULT_SCHEMA), schemaRef(BATCH_RESULT_SCHEMA)],
    });
    const action = `Update the record named by \`${key}\` in the body, or a batch`;
    collection.put = {
      ...op('update_by_identifier', action, writeHeaders(), [...bodyErrors(), ...missing], {
        '200': updated,
      }),
      requestBody: singleOrBatch(schemas.keyedUpdateRef(endpoint), endpoint.maxBatch),
    };
    const one = 'Update one record (only the keys given)';
    item.put = {
      ...op('update', one, writeHeaders(), [...bodyErrors(), '404'], {
        '200': ok('Record updated', schemaRef(WRITE_RESULT_SCHEMA)),
      }),
      requestBody: jsonBody(schemas.ref(endpoint.name, 'update') ?? { type: 'object' }),
    };
  }
  if (enabled('DELETE')) {
    const verb = endpoint.delete === 'archive' ? 'Archive' : 'Delete';
    const deleted = { '200': ok(`Record ${verb.toLowerCase()}d`, schemaRef(WRITE_RESULT_SCHEMA)) };
    const errors = ['400', '404', ...ambiguous];
    const byQuery = { ...idParameter(endpoint, ctx), name: key, in: 'query' };
    const action = `${verb} the record named by \`${key}\` in the query`;
    collection.delete = op('delete_by_identifier', action, [byQuery], errors, deleted);
    item.delete = op('delete', `${verb} one record`, [], errors, deleted);
  }
  const allowed = `Other methods answer 405 (Allow: ${endpoint.methods.join(', ')}).`;
  return {
    collection: { ...collection, description: allowed },
    item: { ...item, description: allowed },
  };
}

type OperationBuilder = (
  id: string,
  action: string,
  parameters: JsonSchema[],
  errors: string[],
  success: Record<string, JsonSchema>,
) => JsonSchema;

function operationFactory(endpoint: EndpointDef): OperationBuilder {
  const security = endpoint.auth.type === 'none' ? [] : [{ [securitySchemeName(endpoint.name)]: [] }];
  const alwaysErrors = [
    ...(endpoint.auth.type === 'none' ? [] : ['401']),
    '403',
    '429',
    '500',
    '502',
    '503',
    '504',
  ];
  return (id, action, parameters, errors, success) => {
    const responses: Record<string, JsonSchema> = { ...success };
    for (const status of [...new Set([...errors, ...alwaysErrors])].sort())
      responses[status] = errorResponseRef(status);
    return {
      operationId: `${id}_${endpoint.name}`,
      tags: [endpoint.name],
      summary: endpoint.description ? `${action}: ${endpoint.description}` : `${action} (${endpoint.name})`,
      security,
      parameters: [parameterRef('RequestId'), ...parameters],
      responses,
    };
  };
}

function idParameter(endpoint: EndpointDef, ctx: FieldSchemaContext): JsonSchema {
  const line = endpoint.identifier;
  const schema = line
    ? lineValueSchema(line, endpoint.model, 'update', ctx)
    : { type: 'integer', minimum: 1 };
  const { description: _description, ...valueSchema } = schema;
  const description = line ? `The record's \`${line.key}\`` : "The record's Odoo database id";
  return { name: 'id', in: 'path', required: true, description, schema: valueSchema };
}

function writeHeaders(): JsonSchema[] {
  return [parameterRef('IdempotencyKey'), parameterRef('Prefer')];
}

/** 409 is always possible on writes: a retry while the same Idempotency-Key is still running. */
function bodyErrors(): string[] {
  return ['400', '409', '413', '415', '422'];
}

function ok(description: string, schema: JsonSchema): JsonSchema {
  return { description, headers: REQUEST_ID_HEADER, content: { 'application/json': { schema } } };
}

function jsonBody(schema: JsonSchema): JsonSchema {
  return { required: true, content: { 'application/json': { schema } } };
}

function singleOrBatch(one: JsonSchema | undefined, maxBatch: number): JsonSchema {
  const item = one ?? { type: 'object' };
  return jsonBody({ oneOf: [item, { type: 'array', items: item, minItems: 1, maxItems: maxBatch }] });
}

function listBody(record: JsonSchema | undefined): JsonSchema {
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

function dataBody(record: JsonSchema | undefined): JsonSchema {
  return {
    type: 'object',
    required: ['success', 'data'],
    properties: { success: { const: true }, data: record ?? { type: 'object' } },
  };
}
