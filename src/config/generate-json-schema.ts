/**
 * JSON Schemas for editors (yaml-language-server), generated from the same joi schemas the loader
 * validates with, so they cannot disagree. joi-to-json does the bulk; `fixUp` corrects what it gets
 * wrong or cannot express. Checks that need other files (mapping names, cycles) or code (JSONata, domain
 * well-formedness) stay in the loader; the JSON Schema is an editing aid, the loader has the last word.
 */
import parse from 'joi-to-json';
import { DOMAIN_OPERATORS } from './domain-check';
import { ENDPOINT_ONLY_KEYS, endpointSchema } from './schemas/endpoint-schema';
import { gatewaySchema } from './schemas/gateway-schema';

type JsonSchema = Record<string, unknown>;

const DRAFT = 'http://json-schema.org/draft-07/schema#';

/** A raw YAML value may be `${VAR}` / `${VAR:-default}`: a string wherever a number or enum is expected. */
const INTERPOLATED: JsonSchema = { type: 'string', pattern: '\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\}' };

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function acceptsInterpolation(node: JsonSchema): boolean {
  const scalarType = node.type === 'integer' || node.type === 'number' || node.type === 'boolean';
  const constrained = node.type === 'string' && ('enum' in node || 'pattern' in node || 'format' in node);
  return scalarType || constrained;
}

const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf'];
const SCHEMA_SINGLES = ['if', 'then', 'else', 'not', 'additionalProperties'];

/** Depth-first rewrite of every sub-schema, by keyword (so a property named `format` is left alone). */
function rewrite(node: unknown, visit: (schema: JsonSchema) => JsonSchema): unknown {
  if (!isSchema(node)) return node;
  const children: JsonSchema = { ...node };
  if (isSchema(node.properties)) {
    children.properties = Object.fromEntries(
      Object.entries(node.properties).map(([key, value]) => [key, rewrite(value, visit)]),
    );
  }
  if (node.items !== undefined) {
    children.items = Array.isArray(node.items)
      ? node.items.map((item) => rewrite(item, visit))
      : rewrite(node.items, visit);
  }
  for (const key of SCHEMA_LISTS) {
    const list = node[key];
    if (Array.isArray(list)) children[key] = list.map((item) => rewrite(item, visit));
  }
  for (const key of SCHEMA_SINGLES) {
    if (isSchema(node[key])) children[key] = rewrite(node[key], visit);
  }
  return visit(children);
}

/** `anyOf` of `anyOf`s (joi alternatives whose members were wrapped) flattened, duplicates dropped. */
function flattenAnyOf(members: unknown[]): unknown[] {
  const flat = members.flatMap((member) =>
    isSchema(member) && Object.keys(member).length === 1 && Array.isArray(member.anyOf)
      ? member.anyOf
      : [member],
  );
  return flat.filter(
    (member, index) => flat.findIndex((other) => JSON.stringify(other) === JSON.stringify(member)) === index,
  );
}

function fixNode(node: JsonSchema): JsonSchema {
  const fixed = { ...node };
  if (Array.isArray(fixed.anyOf)) fixed.anyOf = flattenAnyOf(fixed.anyOf);
  // joi's `object().default()` ("build the default from the children") comes out as {special: "deep"}.
  if (isSchema(fixed.default) && fixed.default.special === 'deep') delete fixed.default;
  // `format: uri` would reject the empty url that means "use the simulator".
  if (typeof fixed.format === 'string') delete fixed.format;
  if (!acceptsInterpolation(node)) return fixed;
  const { description, default: fallback, ...rest } = fixed;
  return {
    ...(description === undefined ? {} : { description }),
    ...(fallback === undefined ? {} : { default: fallback }),
    anyOf: [rest, INTERPOLATED],
  };
}

/** Credentials per auth type, as the loader's auth-checks.ts requires them. */
function withAuthRules(auth: JsonSchema): JsonSchema {
  const needs = (type: string, key: string): JsonSchema => ({
    if: { properties: { type: { const: type } }, required: ['type'] },
    then: { required: [key], properties: { [key]: { minItems: 1 } } },
  });
  return { ...auth, allOf: [needs('bearer', 'tokens'), needs('basic', 'users')] };
}

const DOMAIN_TERM: JsonSchema = {
  anyOf: [
    { enum: ['&', '|', '!'] },
    {
      type: 'array',
      minItems: 3,
      maxItems: 3,
      items: [{ type: ['string', 'integer'] }, { enum: [...DOMAIN_OPERATORS] }, {}],
    },
  ],
};

function fixEndpoint(schema: JsonSchema): JsonSchema {
  const properties = { ...(schema.properties as Record<string, JsonSchema>) };
  properties.auth = withAuthRules(properties.auth ?? {});
  properties.domain = { ...properties.domain, items: DOMAIN_TERM };
  // joi-to-json renders xor as an if/then/else that is hard to read; oneOf says the same plainly.
  const { if: _if, then: _then, else: _else, ...rest } = schema;
  return {
    ...rest,
    properties,
    oneOf: [{ required: ['endpoint'] }, { required: ['mapping'] }],
    allOf: [
      { if: { required: ['endpoint'] }, then: { required: ['auth'] } },
      {
        if: { required: ['mapping'] },
        then: { properties: Object.fromEntries(ENDPOINT_ONLY_KEYS.map((key) => [key, false])) },
      },
    ],
  };
}

function fixGateway(schema: JsonSchema): JsonSchema {
  const properties = { ...(schema.properties as Record<string, JsonSchema>) };
  const admin = properties.admin ?? {};
  const adminProperties = admin.properties as Record<string, JsonSchema>;
  properties.admin = {
    ...admin,
    properties: { ...adminProperties, auth: withAuthRules(adminProperties.auth ?? {}) },
  };
  return { ...schema, properties };
}

function finish(schema: JsonSchema, id: string, title: string): JsonSchema {
  return { $schema: DRAFT, $id: id, title, ...(rewrite(schema, fixNode) as JsonSchema) };
}

export function generateJsonSchemas(): { gateway: JsonSchema; endpoint: JsonSchema } {
  return {
    gateway: finish(
      fixGateway(parse(gatewaySchema, 'json') as JsonSchema),
      'gateway.schema.json',
      'Odoo sync gateway: gateway.yaml',
    ),
    endpoint: finish(
      fixEndpoint(parse(endpointSchema, 'json') as JsonSchema),
      'endpoint.schema.json',
      'Odoo sync gateway: endpoint or mapping file',
    ),
  };
}
