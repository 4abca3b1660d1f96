/** The routes that are not endpoints: health, test-connection, the generated docs and the metrics. */
import { JsonSchema } from './json-schema';
import { REQUEST_ID_HEADER, errorResponseRef, parameterRef } from './openapi-common';

export function gatewayPaths(adminScheme: string | undefined): Record<string, JsonSchema> {
  const admin = adminScheme ? [{ [adminScheme]: [] }] : [];
  const adminErrors: Record<string, JsonSchema> = adminScheme ? { '401': errorResponseRef('401') } : {};
  return {
    '/health': {
      get: operation('getHealth', 'Liveness: answers without calling Odoo', [], {
        '200': json('The gateway is running', { type: 'object', properties: { success: { const: true } } }),
        '500': errorResponseRef('500'),
      }),
    },
    '/bj_api_sync/test-connection': {
      get: operation(
        'testConnection',
        "Checks Odoo (version, login, round trip) and every endpoint's mapping against it",
        admin,
        {
          '200': json('Odoo reachable and every endpoint consistent with it', testConnectionBody()),
          ...adminErrors,
          '503': {
            description: 'Odoo unreachable, login refused, or an endpoint inconsistent with Odoo',
            headers: REQUEST_ID_HEADER,
            content: { 'application/json': { schema: testConnectionBody() } },
          },
        },
      ),
    },
    '/bj_api_sync/v1/openapi.json': {
      get: operation('getOpenApi', 'This OpenAPI 3.1 document', [], {
        '200': json('OpenAPI 3.1', { type: 'object' }),
      }),
    },
    '/bj_api_sync/v1/postman.json': {
      get: operation('getPostmanCollection', 'A Postman v2.1 collection of the endpoints', [], {
        '200': json('Postman collection v2.1', { type: 'object' }),
      }),
    },
    '/metrics': {
      get: operation('getMetrics', 'Prometheus metrics', admin, {
        '200': {
          description: 'Metrics in the Prometheus text format',
          content: { 'text/plain': { schema: { type: 'string' } } },
        },
        ...adminErrors,
      }),
    },
  };
}

function operation(
  id: string,
  summary: string,
  security: JsonSchema[],
  responses: Record<string, JsonSchema>,
): JsonSchema {
  return {
    operationId: id,
    tags: ['gateway'],
    summary,
    security,
    parameters: [parameterRef('RequestId')],
    responses,
  };
}

function json(description: string, schema: JsonSchema): JsonSchema {
  return { description, headers: REQUEST_ID_HEADER, content: { 'application/json': { schema } } };
}

function testConnectionBody(): JsonSchema {
  return {
    type: 'object',
    required: ['success'],
    properties: {
      success: { type: 'boolean' },
      odoo: {
        type: 'object',
        description: "Odoo's version, the protocol in use, the round-trip time and the uid",
      },
      endpoints: {
        type: 'array',
        description: 'Per endpoint: model exists, access rights, mapped fields exist with a compatible type',
        items: { type: 'object' },
      },
    },
  };
}
