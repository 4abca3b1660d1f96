/** One Postman v2.1 request item, with its URL both raw and split the way Postman stores it. */
import { JsonSchema } from './json-schema';
import { VariableValue } from './postman-scripts';

export interface PostmanRequestSpec {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path segments after the base URL; `:id` marks a path variable. */
  path: string[];
  query?: Array<{ key: string; value: string }>;
  pathVariables?: Array<{ key: string; value: string }>;
  headers?: Array<{ key: string; value: string }>;
  /** May hold VariableValues, written as `{{variable}}`. */
  body?: unknown;
  /** Postman scripts (lines of JavaScript): before the request, and its `pm.test` checks. */
  preRequest?: string[];
  tests?: string[];
  /** Omitted: the request inherits its folder's auth. */
  auth?: JsonSchema;
  description?: string;
}

export function postmanRequest(baseUrl: string, spec: PostmanRequestSpec): JsonSchema {
  const header = [{ key: 'Accept', value: 'application/json' }, ...(spec.headers ?? [])];
  if (spec.body !== undefined) header.push({ key: 'Content-Type', value: 'application/json' });
  const request: JsonSchema = { method: spec.method, header, url: postmanUrl(baseUrl, spec) };
  if (spec.auth) request.auth = spec.auth;
  if (spec.description) request.description = spec.description;
  if (spec.body !== undefined) {
    request.body = {
      mode: 'raw',
      raw: rawJson(spec.body),
      options: { raw: { language: 'json' } },
    };
  }
  const event = [
    ...(spec.preRequest ? [script('prerequest', spec.preRequest)] : []),
    ...(spec.tests ? [script('test', spec.tests)] : []),
  ];
  return event.length > 0 ? { name: spec.name, event, request } : { name: spec.name, request };
}

function script(listen: 'prerequest' | 'test', exec: string[]): JsonSchema {
  return { listen, script: { type: 'text/javascript', exec } };
}

/** JSON text with each VariableValue as `{{name}}`, quoted or not (an id variable is a number). */
function rawJson(body: unknown): string {
  const variables: VariableValue[] = [];
  const text = JSON.stringify(
    body,
    (_key, value: unknown) => {
      if (!(value instanceof VariableValue)) return value;
      variables.push(value);
      return `@@variable:${variables.length - 1}@@`;
    },
    2,
  );
  return text.replace(/"@@variable:(\d+)@@"/g, (_match, index: string) => {
    const value = variables[Number(index)] as VariableValue;
    return value.quoted ? `"{{${value.variable}}}"` : `{{${value.variable}}}`;
  });
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
