/** One Postman v2.1 request item, with its URL both raw and split the way Postman stores it. */
import { JsonSchema } from './json-schema';

export interface PostmanRequestSpec {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path segments after the base URL; `:id` marks a path variable. */
  path: string[];
  query?: Array<{ key: string; value: string }>;
  pathVariables?: Array<{ key: string; value: string }>;
  body?: unknown;
  /** Omitted: the request inherits its folder's auth. */
  auth?: JsonSchema;
  description?: string;
}

export function postmanRequest(baseUrl: string, spec: PostmanRequestSpec): JsonSchema {
  const header = [{ key: 'Accept', value: 'application/json' }];
  if (spec.body !== undefined) header.push({ key: 'Content-Type', value: 'application/json' });
  const request: JsonSchema = { method: spec.method, header, url: postmanUrl(baseUrl, spec) };
  if (spec.auth) request.auth = spec.auth;
  if (spec.description) request.description = spec.description;
  if (spec.body !== undefined) {
    request.body = {
      mode: 'raw',
      raw: JSON.stringify(spec.body, null, 2),
      options: { raw: { language: 'json' } },
    };
  }
  return { name: spec.name, request };
}

function postmanUrl(baseUrl: string, spec: PostmanRequestSpec): JsonSchema {
  const base = baseUrl.replace(/\/+$/, '');
  const query = spec.query ?? [];
  const search = query.length > 0 ? `?${query.map(({ key, value }) => `${key}=${value}`).join('&')}` : '';
  const url: JsonSchema = { raw: `${base}/${spec.path.join('/')}${search}`, ...splitBase(base) };
  url.path = [...((url.path as string[] | undefined) ?? []), ...spec.path];
  if (query.length > 0) url.query = query;
  if (spec.pathVariables) url.variable = spec.pathVariables;
  return url;
}

/** `{{baseUrl}}` stays one host entry; a real URL is split into protocol, host, port and path prefix. */
function splitBase(base: string): JsonSchema {
  if (!/^https?:\/\//i.test(base)) return { host: [base] };
  const parsed = new URL(base);
  const split: JsonSchema = {
    protocol: parsed.protocol.replace(':', ''),
    host: parsed.hostname.split('.'),
    path: parsed.pathname.split('/').filter(Boolean),
  };
  if (parsed.port) split.port = parsed.port;
  return split;
}
