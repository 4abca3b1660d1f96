/**
 * Request bodies → Odoo values, for one record or a batch: validate every body (every bad key at once),
 * evaluate `compute_in`, resolve all relation values in one pass, then map. Nothing reaches Odoo for a
 * body that fails here, and the number of Odoo calls does not depend on the number of bodies.
 */
import Joi from 'joi';
import { EndpointDef, MappingDef } from '../config/types';
import { ErrorDetail } from '../errors/gateway-error';
import { ExpressionError, evaluateExpression } from '../mapping/expressions';
import { FieldsCatalog, MappingLookup, modelsOf } from '../mapping/fields-catalog';
import { WriteMode, buildInputSchema, lineIdOf } from '../mapping/input-schema';
import { toOdooVals } from '../mapping/to-odoo';
import { OdooClient } from '../odoo/odoo-client';
import { ModelFieldsCache } from './model-fields-cache';
import { resolveNestedMany2one } from './nested-many2one';
import { RelationCache } from './relation-cache';
import { resolveRelations } from './relation-resolver';

export interface PreparedWrite {
  index: number;
  body: Record<string, unknown>;
  vals: Record<string, unknown>;
  errors: ErrorDetail[];
}

export interface WriteDeps {
  odoo: OdooClient;
  fields: ModelFieldsCache;
  lookup: MappingLookup;
  relationCache?: RelationCache;
}

export async function prepareWrites(
  deps: WriteDeps,
  endpoint: EndpointDef,
  bodies: readonly unknown[],
  mode: WriteMode,
): Promise<PreparedWrite[]> {
  const catalog = await deps.fields.catalog(modelsOf(endpoint, deps.lookup));
  const schema = inputSchemaFor(endpoint, mode, catalog, deps.lookup);
  const items = bodies.map((body, index) => validateBody(schema, body, index));
  await Promise.all(items.map((item) => item.errors.length === 0 && computeInputs(endpoint, item)));
  const valid = items.filter((item) => item.errors.length === 0);
  if (valid.length === 0) return items;
  const relations = await resolveRelations({
    odoo: deps.odoo,
    mapping: endpoint,
    bodies: valid.map((item) => item.body),
    lookup: deps.lookup,
    context: { ...endpoint.context },
    createMissing: true,
    cache: deps.relationCache,
  });
  const context = { ...endpoint.context };
  const bodiesOfValid = valid.map((item) => item.body);
  const nested = await resolveNestedMany2one({
    odoo: deps.odoo,
    mapping: endpoint,
    bodies: bodiesOfValid,
    catalog,
    lookup: deps.lookup,
    relations,
    context,
  });
  for (const item of valid) {
    const result = toOdooVals(endpoint, item.body, mode, {
      catalog,
      lookup: deps.lookup,
      relations,
      computed: item.computed,
      defaults: endpoint.defaults,
      nestedIds: nested.ids,
      nestedErrors: nested.errors,
    });
    item.vals = result.vals;
    item.errors.push(...result.errors);
  }
  return items;
}

type WorkingItem = PreparedWrite & { computed: Map<string, unknown> };

// Schemas depend on the endpoint (a new object after every reload) and on Odoo field types (stable while
// the gateway runs), so one per endpoint and mode is built once, not per request.
const schemas = new WeakMap<EndpointDef, Map<WriteMode, Joi.ObjectSchema>>();

function inputSchemaFor(
  endpoint: EndpointDef,
  mode: WriteMode,
  catalog: FieldsCatalog,
  lookup: MappingLookup,
): Joi.ObjectSchema {
  let byMode = schemas.get(endpoint);
  if (!byMode) {
    byMode = new Map();
    schemas.set(endpoint, byMode);
  }
  let schema = byMode.get(mode);
  if (!schema) {
    schema = buildInputSchema(endpoint, mode, { catalog, lookup, unknownKeys: endpoint.unknownKeys });
    byMode.set(mode, schema);
  }
  return schema;
}

function validateBody(schema: Joi.ObjectSchema, body: unknown, index: number): WorkingItem {
  const item: WorkingItem = { index, body: {}, vals: {}, errors: [], computed: new Map() };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    item.errors.push({ line_id: null, error: 'must be a JSON object' });
    return item;
  }
  item.body = body as Record<string, unknown>;
  const { error } = schema.validate(body, { abortEarly: false, convert: false, errors: { label: false } });
  for (const detail of error?.details ?? []) {
    item.errors.push({ line_id: lineIdOf(detail.path) || null, error: detail.message });
  }
  return item;
}

async function computeInputs(mapping: MappingDef, item: WorkingItem): Promise<void> {
  for (const line of mapping.fields) {
    if (line.computeIn === undefined) continue;
    try {
      item.computed.set(line.key, await evaluateExpression(line.computeIn, item.body));
    } catch (error) {
      const message = error instanceof ExpressionError ? error.message : 'expression failed';
      item.errors.push({ line_id: line.key, error: message });
    }
  }
}
