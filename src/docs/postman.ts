/**
 * A Postman v2.1 collection of the configured endpoints: one folder per endpoint, one request per
 * enabled method, example bodies from the same schemas as the OpenAPI document. Credentials are
 * always `{{variables}}`: the configured secrets never leave the gateway.
 */
import { AuthConfig, GatewayConfig } from '../config/types';
import { ModelFields } from '../mapping/odoo-field-meta';
import { JsonSchema } from './json-schema';
import { MappingSchemas } from './mapping-schemas';
import { DEFAULT_TITLE } from './openapi';
import { endpointFlow } from './postman-flow';
import { postmanRequest } from './postman-request';
import { statusTests } from './postman-scripts';

const COLLECTION_DESCRIPTION = [
  'Generated from the configured endpoints of the Odoo sync gateway. Run it as a smoke test',
  '(Postman Runner, or `newman run postman.json --env-var baseUrl=… --env-var customers_token=…`):',
  'per endpoint it lists, starts the change feed, creates a record with a fresh identifier, reads the',
  'feed with its cursor (the new record must be in it) and with a damaged cursor (a deliberate 400',
  'INVALID_CURSOR, named so), reads the record, filters on it, updates it (twice with one',
  'Idempotency-Key: the second answer is a replay), updates it in a batch and deletes it, checking',
  'every answer. Set the credential variables first: the collection never holds the',
  "gateway's secrets. Bodies use each mapping line's `example:` value; a relation without one is left",
  'out, since a made-up value would match nothing in Odoo. Endpoints without DELETE keep what they',
  'created.',
].join(' ');

export const POSTMAN_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

interface Variable {
  key: string;
  value: string;
  type: 'string';
  description?: string;
}

export function buildPostmanCollection(
  config: GatewayConfig,
  modelFields?: ReadonlyMap<string, ModelFields>,
  baseUrl = '{{baseUrl}}',
): JsonSchema {
  const schemas = new MappingSchemas(config.mappings, modelFields);
  const variables: Variable[] = [];
  if (baseUrl === '{{baseUrl}}') {
    variables.push(
      variable('baseUrl', `http://localhost:${config.settings.server.port}`, 'Where the gateway listens'),
    );
  }
  const endpoints = [...config.endpoints.values()].sort((a, b) => a.name.localeCompare(b.name));
  const folders = endpoints.map((endpoint) => {
    const auth = postmanAuth(endpoint.auth, endpoint.name, variables);
    return {
      name: endpoint.name,
      description: endpoint.description ?? `Odoo model ${endpoint.model}`,
      auth,
      item: endpointFlow(endpoint, schemas).map((spec) => postmanRequest(baseUrl, spec)),
    };
  });
  const adminAuth = config.settings.admin
    ? postmanAuth(config.settings.admin.auth, 'gateway_admin', variables)
    : noAuth();
  folders.push({
    name: 'gateway',
    description: 'Health and the Odoo connection check',
    auth: noAuth(),
    item: [
      postmanRequest(baseUrl, { name: 'Health', method: 'GET', path: ['health'], tests: statusTests(200) }),
      postmanRequest(baseUrl, {
        name: 'Test connection',
        method: 'GET',
        path: ['bj_api_sync', 'test-connection'],
        auth: adminAuth,
        tests: statusTests(200),
      }),
    ],
  });
  return {
    info: {
      name: DEFAULT_TITLE,
      description: COLLECTION_DESCRIPTION,
      schema: POSTMAN_SCHEMA,
    },
    auth: noAuth(),
    item: folders,
    variable: variables,
  };
}

function postmanAuth(auth: AuthConfig, owner: string, variables: Variable[]): JsonSchema {
  if (auth.type === 'none') return noAuth();
  if (auth.type === 'bearer') {
    addVariable(
      variables,
      `${owner}_token`,
      `Bearer token of ${owner} (one of its auth.tokens): set it before a run`,
    );
    return { type: 'bearer', bearer: [{ key: 'token', value: `{{${owner}_token}}`, type: 'string' }] };
  }
  addVariable(
    variables,
    `${owner}_username`,
    `User name of ${owner} (one of its auth.users): set it before a run`,
  );
  addVariable(variables, `${owner}_password`, `Password of that user of ${owner}: set it before a run`);
  return {
    type: 'basic',
    basic: [
      { key: 'username', value: `{{${owner}_username}}`, type: 'string' },
      { key: 'password', value: `{{${owner}_password}}`, type: 'string' },
    ],
  };
}

function noAuth(): JsonSchema {
  return { type: 'noauth' };
}

function variable(key: string, value: string, description: string): Variable {
  return { key, value, type: 'string', description };
}

/** Adds a variable once: two owners of the same name share it rather than shadow each other. */
function addVariable(variables: Variable[], key: string, description: string): void {
  if (!variables.some((existing) => existing.key === key)) variables.push(variable(key, '', description));
}
