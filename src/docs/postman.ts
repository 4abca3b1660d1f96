/**
 * A Postman v2.1 collection of the configured endpoints: one folder per endpoint, one request per
 * enabled method, example bodies from the same schemas as the OpenAPI document. Credentials are
 * always `{{variables}}`: the configured secrets never leave the gateway.
 */
import { AuthConfig, EndpointDef, GatewayConfig } from '../config/types';
import { ModelFields } from '../mapping/odoo-field-meta';
import { API_PREFIX } from './endpoint-paths';
import { lineValueSchema } from './field-schema';
import { JsonSchema } from './json-schema';
import { MappingSchemas } from './mapping-schemas';
import { DEFAULT_TITLE } from './openapi';
import { PostmanRequestSpec, postmanRequest } from './postman-request';
import { sampleValue } from './schema-sample';

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
      item: endpointRequests(endpoint, schemas).map((spec) => postmanRequest(baseUrl, spec)),
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
      postmanRequest(baseUrl, { name: 'Health', method: 'GET', path: ['health'] }),
      postmanRequest(baseUrl, {
        name: 'Test connection',
        method: 'GET',
        path: ['bj_api_sync', 'test-connection'],
        auth: adminAuth,
      }),
    ],
  });
  return {
    info: {
      name: DEFAULT_TITLE,
      description: 'Generated from the configured endpoints of the Odoo sync gateway.',
      schema: POSTMAN_SCHEMA,
    },
    auth: noAuth(),
    item: folders,
    variable: variables,
  };
}

function endpointRequests(endpoint: EndpointDef, schemas: MappingSchemas): PostmanRequestSpec[] {
  const collectionPath = [...API_PREFIX.split('/').filter(Boolean), endpoint.name];
  const itemPath = [...collectionPath, ':id'];
  const id = { key: 'id', value: String(sampleIdentifier(endpoint, schemas)) };
  const body = (side: 'create' | 'update') => {
    const ref = schemas.ref(endpoint.name, side) ?? {};
    return sampleValue(ref, schemas.components());
  };
  const requests: PostmanRequestSpec[] = [];
  if (endpoint.methods.includes('GET')) {
    const query = [
      { key: 'limit', value: String(endpoint.pageSize) },
      { key: 'offset', value: '0' },
    ];
    requests.push({ name: `List ${endpoint.name}`, method: 'GET', path: collectionPath, query });
    requests.push({ name: `Get one ${endpoint.name}`, method: 'GET', path: itemPath, pathVariables: [id] });
  }
  if (endpoint.methods.includes('POST')) {
    requests.push({
      name: `Create ${endpoint.name}`,
      method: 'POST',
      path: collectionPath,
      body: body('create'),
    });
  }
  if (endpoint.methods.includes('PUT')) {
    requests.push({
      name: `Update ${endpoint.name}`,
      method: 'PUT',
      path: itemPath,
      pathVariables: [id],
      body: body('update'),
    });
  }
  if (endpoint.methods.includes('DELETE')) {
    const verb = endpoint.delete === 'archive' ? 'Archive' : 'Delete';
    requests.push({
      name: `${verb} ${endpoint.name}`,
      method: 'DELETE',
      path: itemPath,
      pathVariables: [id],
    });
  }
  const summary = endpoint.description;
  return summary ? requests.map((request) => ({ ...request, description: summary })) : requests;
}

function sampleIdentifier(endpoint: EndpointDef, schemas: MappingSchemas): unknown {
  if (!endpoint.identifier) return 1;
  const schema = lineValueSchema(endpoint.identifier, endpoint.model, 'update', schemas.context);
  return sampleValue(schema, {});
}

function postmanAuth(auth: AuthConfig, owner: string, variables: Variable[]): JsonSchema {
  if (auth.type === 'none') return noAuth();
  if (auth.type === 'bearer') {
    addVariable(variables, `${owner}_token`, `Bearer token of ${owner}`);
    return { type: 'bearer', bearer: [{ key: 'token', value: `{{${owner}_token}}`, type: 'string' }] };
  }
  addVariable(variables, `${owner}_username`, `User name of ${owner}`);
  addVariable(variables, `${owner}_password`, `Password of ${owner}`);
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
