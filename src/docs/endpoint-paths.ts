/**
 * The two path items of one endpoint (`/bj_api_sync/v1/{name}` and `.../{name}/{id}`), holding only
 * the enabled methods, each with the error responses it can really give.
 */
import { EndpointDef, HttpMethod } from '../config/types';
import { changesBody, changesExample, changesParameters } from './changes-operation';
import { exampleIdentifier, exampleRecord } from './example-values';
import { FieldSchemaContext, SchemaSide, lineValueSchema } from './field-schema';
import { JsonSchema, schemaRef } from './json-schema';
import { fieldsParameter, listParameters } from './list-parameters';
import { MappingSchemas, identifierKey, pascalCase } from './mapping-schemas';
import { BATCH_RESULT_SCHEMA, WRITE_RESULT_SCHEMA, errorResponseRef, parameterRef } from './openapi-common';
import {
  batchExample,
  dataBody,
  jsonBody,
  listBody,
  listExample,
  ok,
  singleOrBatch,
  writeExample,
} from './operation-content';

export const API_PREFIX = '/bj_api_sync/v1';

export interface EndpointPaths {
  collection: JsonSchema;
  /** `/{name}/changes`: the change feed (GET only); empty when GET is not enabled. */
  changes: JsonSchema;
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
  const example = (side: SchemaSide) => exampleRecord(endpoint, side, schemas.examples);
  const collection: JsonSchema = {};
  const changes: JsonSchema = {};
  const item: JsonSchema = { parameters: [idParameter(endpoint, schemas)] };

  const ambiguous = endpoint.identifier ? ['409'] : [];
  const missing = endpoint.upsert ? [] : ['404'];
  const written = (message: string) => writeExample(message);

  if (enabled('GET')) {
    collection.get = op('list', 'List records', listParameters(endpoint, ctx), ['400'], {
      '200': ok('A page of records', listBody(read), listExample(example('read'), endpoint.pageSize)),
    });
    item.get = op('get', 'Get one record', [fieldsParameter(endpoint)], ['400', '404', ...ambiguous], {
      '200': ok('The record', dataBody(read), { success: true, data: example('read') }),
    });
    changes.get = op('changes', 'Records changed since the cursor', changesParameters(endpoint), ['400'], {
      '200': ok('A page of changes', changesBody(endpoint, read), changesExample(endpoint, example('read'))),
    });
  }
  if (enabled('POST')) {
    collection.post = {
      ...op('create', 'Create a record, or a batch (JSON array)', writeHeaders(), bodyErrors(), {
        '201': ok('Record created', schemaRef(WRITE_RESULT_SCHEMA), written('Record created'), true),
        '200': ok(
          'Batch processed: one result per item',
          schemaRef(BATCH_RESULT_SCHEMA),
          batchExample(),
          true,
        ),
      }),
      requestBody: singleOrBatch(schemas.ref(endpoint.name, 'create'), endpoint.maxBatch, example('create')),
    };
  }
  if (enabled('PUT')) {
    const updated = ok(
      'Record updated, or batch processed',
      { oneOf: [schemaRef(WRITE_RESULT_SCHEMA), schemaRef(BATCH_RESULT_SCHEMA)] },
      written('Record updated'),
      true,
    );
    const action = `Update the record named by \`${key}\` in the body, or a batch`;
    const keyed = { [key]: exampleIdentifier(endpoint, schemas.examples), ...example('update') };
    collection.put = {
      ...op('updateByIdentifier', action, writeHeaders(), [...bodyErrors(), ...missing], { '200': updated }),
      requestBody: singleOrBatch(schemas.keyedUpdateRef(endpoint), endpoint.maxBatch, keyed),
    };
    const one = 'Update one record (only the keys given)';
    item.put = {
      ...op('update', one, writeHeaders(), [...bodyErrors(), '404'], {
        '200': ok('Record updated', schemaRef(WRITE_RESULT_SCHEMA), written('Record updated'), true),
      }),
      requestBody: jsonBody(schemas.ref(endpoint.name, 'update') ?? { type: 'object' }, example('update')),
    };
  }
  if (enabled('DELETE')) {
    const verb = endpoint.delete === 'archive' ? 'Archive' : 'Delete';
    const message = `Record ${verb.toLowerCase()}d`;
    const deleted = { '200': ok(message, schemaRef(WRITE_RESULT_SCHEMA), written(message)) };
    const errors = ['400', '404', ...ambiguous];
    const byQuery = { ...idParameter(endpoint, schemas), name: key, in: 'query' };
    const action = `${verb} the record named by \`${key}\` in the query`;
    collection.delete = op('deleteByIdentifier', action, [byQuery], errors, deleted);
    item.delete = op('delete', `${verb} one record`, [], errors, deleted);
  }
  const allowed = `Other methods answer 405 (Allow: ${endpoint.methods.join(', ')}).`;
  return {
    collection: { ...collection, description: allowed },
    changes: {
      ...changes,
      description:
        'The change feed (docs/changes.md); it shadows GET one of a record whose identifier is "changes".',
    },
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
      operationId: operationId(id, endpoint.name),
      tags: [endpoint.name],
      summary: endpoint.description ? `${action}: ${endpoint.description}` : `${action} (${endpoint.name})`,
      security,
      parameters: [parameterRef('RequestId'), ...parameters],
      responses,
    };
  };
}

/** `updateByIdentifier` + `sale-orders` → `updateByIdentifierSaleOrders`: camelCase, as generators want. */
export function operationId(action: string, endpoint: string): string {
  return `${action}${pascalCase(endpoint)}`;
}

function idParameter(endpoint: EndpointDef, schemas: MappingSchemas): JsonSchema {
  const line = endpoint.identifier;
  const schema = line
    ? lineValueSchema(line, endpoint.model, 'update', schemas.context)
    : { type: 'integer', minimum: 1 };
  const { description: _description, examples: _examples, ...valueSchema } = schema;
  const description = line ? `The record's \`${line.key}\`` : "The record's Odoo database id";
  const example = exampleIdentifier(endpoint, schemas.examples);
  return { name: 'id', in: 'path', required: true, description, schema: valueSchema, example };
}

function writeHeaders(): JsonSchema[] {
  return [parameterRef('IdempotencyKey'), parameterRef('Prefer')];
}

/** 409 is always possible on writes: a retry while the same Idempotency-Key is still running. */
function bodyErrors(): string[] {
  return ['400', '409', '413', '415', '422'];
}
