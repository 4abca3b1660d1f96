/**
 * The parts of the spec every endpoint shares: the error body of api.md, one reusable response per
 * error status, the request headers, and the security schemes.
 */
import { JsonSchema, schemaRef } from './json-schema';

export const ERROR_SCHEMA = 'Error';
export const WRITE_RESULT_SCHEMA = 'WriteResult';
export const BATCH_RESULT_SCHEMA = 'BatchResult';

/** Status → the `status_code` values api.md allows for it, and when it happens. */
const ERRORS: Record<string, { codes: string[]; description: string; headers?: string[] }> = {
  '400': {
    codes: ['INVALID_JSON', 'VALIDATION_ERROR', 'INVALID_QUERY', 'INVALID_CURSOR', 'ODOO_VALIDATION_ERROR'],
    description: 'Bad body, bad query or identifier, or Odoo refused the values',
  },
  '401': {
    codes: ['UNAUTHORIZED'],
    description: "Missing or wrong credentials (WWW-Authenticate names the endpoint's scheme)",
    headers: ['WWW-Authenticate'],
  },
  '403': { codes: ['FORBIDDEN'], description: "Odoo denied access to the gateway's Odoo user" },
  '404': { codes: ['NOT_FOUND'], description: "No record with that identifier inside the endpoint's domain" },
  '405': {
    codes: ['METHOD_NOT_ALLOWED'],
    description: 'Method not enabled on this endpoint; Allow lists the enabled ones',
    headers: ['Allow'],
  },
  '409': {
    codes: ['CONFLICT', 'AMBIGUOUS_IDENTIFIER', 'AMBIGUOUS_RELATION', 'REQUEST_IN_PROGRESS'],
    description:
      'Identifier value already exists (POST without upsert), an identifier or relation value matches several records, ' +
      'or a request with this Idempotency-Key is still running',
    headers: ['Retry-After'],
  },
  '413': { codes: ['PAYLOAD_TOO_LARGE'], description: 'Body larger than the configured limit' },
  '415': {
    codes: ['UNSUPPORTED_MEDIA_TYPE'],
    description: 'Body is not JSON (Content-Type: application/json)',
  },
  '422': {
    codes: ['IDEMPOTENCY_MISMATCH'],
    description: 'This Idempotency-Key was already used with a different body',
  },
  '429': { codes: ['RATE_LIMITED'], description: 'Over the configured rate', headers: ['Retry-After'] },
  '500': { codes: ['INTERNAL_ERROR'], description: 'A bug in the gateway (logged, never detailed here)' },
  '502': {
    codes: ['ODOO_ERROR'],
    description: 'Odoo answered with an application error or an unreadable reply',
  },
  '503': {
    codes: ['ODOO_UNAVAILABLE', 'ENDPOINT_MISCONFIGURED'],
    description:
      "Odoo unreachable, the gateway's own Odoo login refused, or the endpoint's configuration does not match Odoo (ops must fix it)",
    headers: ['Retry-After'],
  },
  '504': {
    codes: ['ODOO_TIMEOUT'],
    description:
      'Odoo did not answer in time; a write may or may not have happened (retry with Idempotency-Key)',
  },
};

const HEADERS: Record<string, JsonSchema> = {
  'X-Request-ID': {
    description: 'The request id: taken from the request when valid, else generated',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
  },
  'WWW-Authenticate': { description: 'The authentication scheme to use', schema: { type: 'string' } },
  Allow: { description: 'The methods enabled on this path', schema: { type: 'string' } },
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
  'Idempotent-Replayed': {
    description:
      'Present (`true`) when this answer is the stored one of an earlier request with the same ' +
      'Idempotency-Key: Odoo was not called again',
    schema: { type: 'string', enum: ['true'] },
  },
};

export function errorResponseRef(status: string): JsonSchema {
  return { $ref: `#/components/responses/Error${status}` };
}

function errorResponses(): Record<string, JsonSchema> {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, error] of Object.entries(ERRORS)) {
    const headers: Record<string, JsonSchema> = {
      'X-Request-ID': { $ref: '#/components/headers/X-Request-ID' },
    };
    for (const name of error.headers ?? []) headers[name] = { $ref: `#/components/headers/${name}` };
    responses[`Error${status}`] = {
      description: `${error.description} (${error.codes.join(', ')})`,
      headers,
      content: {
        'application/json': {
          schema: {
            allOf: [schemaRef(ERROR_SCHEMA), { properties: { status_code: { enum: error.codes } } }],
          },
        },
      },
    };
  }
  return responses;
}

const ERROR_BODY: JsonSchema = {
  type: 'object',
  title: 'Error',
  required: ['success', 'error', 'status_code', 'line_id'],
  properties: {
    success: { const: false },
    error: { type: 'string', description: 'For the caller; never a traceback, path, SQL or secret' },
    status_code: { type: 'string', description: 'Machine-readable error code' },
    line_id: {
      type: ['string', 'null'],
      description: 'External key the error is about (`contacts[0].email`)',
    },
    request_id: { type: 'string' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        required: ['line_id', 'error'],
        properties: { line_id: { type: ['string', 'null'] }, error: { type: 'string' } },
      },
    },
  },
};

const WRITE_RESULT: JsonSchema = {
  type: 'object',
  title: 'WriteResult',
  required: ['success', 'message', 'id'],
  properties: {
    success: { const: true },
    message: { type: 'string', examples: ['Record created'] },
    id: { type: 'integer', description: 'Odoo database id' },
    data: {
      type: 'object',
      description: 'The record as GET returns it, with `Prefer: return=representation`',
    },
  },
};

const BATCH_RESULT: JsonSchema = {
  type: 'object',
  title: 'BatchResult',
  required: ['success', 'created', 'updated', 'failed', 'results'],
  properties: {
    success: { type: 'boolean', description: 'True when every item succeeded' },
    created: { type: 'integer' },
    updated: { type: 'integer' },
    failed: { type: 'integer' },
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: ['index', 'success'],
        properties: {
          index: { type: 'integer', description: 'Position of the item in the request array' },
          success: { type: 'boolean' },
          id: { type: 'integer' },
          message: { type: 'string' },
          data: { type: 'object' },
          error: { type: 'string' },
          status_code: { type: 'string' },
          line_id: { type: ['string', 'null'] },
        },
      },
    },
  },
};

const PARAMETERS: Record<string, JsonSchema> = {
  RequestId: { name: 'X-Request-ID', in: 'header', required: false, schema: HEADERS['X-Request-ID']?.schema },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'A retry with the same key and body gets the stored response without touching Odoo again',
    schema: { type: 'string' },
  },
  Prefer: {
    name: 'Prefer',
    in: 'header',
    required: false,
    description: '`return=representation` adds `data`: the record as GET returns it',
    schema: { type: 'string', enum: ['return=representation', 'return=minimal'] },
  },
};

export function parameterRef(name: 'RequestId' | 'IdempotencyKey' | 'Prefer'): JsonSchema {
  return { $ref: `#/components/parameters/${name}` };
}

export const REQUEST_ID_HEADER = { 'X-Request-ID': { $ref: '#/components/headers/X-Request-ID' } };
export const WRITE_HEADERS = {
  ...REQUEST_ID_HEADER,
  'Idempotent-Replayed': { $ref: '#/components/headers/Idempotent-Replayed' },
};

export function commonComponents(): Record<string, Record<string, JsonSchema>> {
  return {
    schemas: {
      [ERROR_SCHEMA]: ERROR_BODY,
      [WRITE_RESULT_SCHEMA]: WRITE_RESULT,
      [BATCH_RESULT_SCHEMA]: BATCH_RESULT,
    },
    responses: errorResponses(),
    parameters: PARAMETERS,
    headers: HEADERS,
  };
}
