/**
 * OpenAPI 3.1 of the gateway, generated from the loaded endpoints (and Odoo's fields_get when known),
 * so the docs always describe the configuration that is actually running.
 */
import { AuthConfig, GatewayConfig } from '../config/types';
import { ModelFields } from '../mapping/odoo-field-meta';
import { API_PREFIX, endpointPaths, securitySchemeName } from './endpoint-paths';
import { JsonSchema } from './json-schema';
import { MappingSchemas } from './mapping-schemas';
import { commonComponents } from './openapi-common';
import { gatewayPaths } from './gateway-paths';

export type { OdooFieldMeta, ModelFields } from '../mapping/odoo-field-meta';

export interface SpecInfo {
  title?: string;
  version?: string;
}

export const DEFAULT_TITLE = 'Odoo sync gateway';
export const DEFAULT_VERSION = '0.1.0';

export function buildOpenApi(
  config: GatewayConfig,
  modelFields?: ReadonlyMap<string, ModelFields>,
  info: SpecInfo = {},
): JsonSchema {
  const schemas = new MappingSchemas(config.mappings, modelFields);
  const ctx = schemas.context;
  const paths: Record<string, JsonSchema> = {};
  const securitySchemes: Record<string, JsonSchema> = {};
  const tags: JsonSchema[] = [];
  for (const endpoint of [...config.endpoints.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const { collection, changes, item } = endpointPaths(endpoint, schemas, ctx);
    if (hasOperation(collection)) paths[`${API_PREFIX}/${endpoint.name}`] = collection;
    // Before `{id}`: a path template matcher must meet the literal path first.
    if (hasOperation(changes)) paths[`${API_PREFIX}/${endpoint.name}/changes`] = changes;
    if (hasOperation(item)) paths[`${API_PREFIX}/${endpoint.name}/{id}`] = item;
    const scheme = securityScheme(endpoint.auth, `the ${endpoint.name} endpoint`);
    if (scheme) securitySchemes[securitySchemeName(endpoint.name)] = scheme;
    tags.push({ name: endpoint.name, description: endpoint.description ?? `Odoo model ${endpoint.model}` });
  }
  const adminScheme = config.settings.admin
    ? securityScheme(config.settings.admin.auth, 'admin routes')
    : undefined;
  if (adminScheme) securitySchemes[securitySchemeName('admin')] = adminScheme;
  Object.assign(paths, gatewayPaths(adminScheme ? securitySchemeName('admin') : undefined));
  tags.push({ name: 'gateway', description: 'Health, connection check, docs and metrics' });

  const common = commonComponents();
  return {
    openapi: '3.1.0',
    info: {
      title: info.title ?? DEFAULT_TITLE,
      version: info.version ?? DEFAULT_VERSION,
      description:
        'REST API of the BJET API Synchronization add-on (`/bj_api_sync/v1/{endpoint}`), served from ' +
        'outside Odoo. Generated from the configured endpoints.',
    },
    servers: servers(config.settings.server.port),
    tags,
    paths,
    components: {
      ...common,
      schemas: { ...common.schemas, ...schemas.components() },
      securitySchemes,
    },
  };
}

/**
 * `/` first: Swagger UI and most tools resolve it against where they fetched this document, so it is
 * right behind any proxy. The template serves generators that read the document from a file.
 */
function servers(port: number): JsonSchema[] {
  return [
    { url: '/', description: 'The gateway that served this document' },
    {
      url: '{scheme}://{host}',
      description: 'A gateway elsewhere: its scheme and host[:port]',
      variables: {
        scheme: { enum: ['https', 'http'], default: 'http' },
        host: { default: `localhost:${port}` },
      },
    },
  ];
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function hasOperation(pathItem: JsonSchema): boolean {
  return HTTP_METHODS.some((method) => method in pathItem);
}

function securityScheme(auth: AuthConfig, owner: string): JsonSchema | undefined {
  if (auth.type === 'none') return undefined;
  const what = auth.type === 'basic' ? 'User name and password' : 'Bearer token';
  return { type: 'http', scheme: auth.type, description: `${what} of ${owner}` };
}
