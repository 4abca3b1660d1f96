/**
 * Request bodies → Odoo values, for one record or a batch: validate every body (every bad key at once),
 * evaluate `compute_in`, resolve all relation values in one pass, then map. Nothing reaches Odoo for a
 * body that fails here (related records are created only for bodies that pass), and the number of
 * Odoo calls does not depend on the number of bodies.
 */
import Joi from 'joi';
import { EndpointDef, MappingDef } from '../config/types';
import { ErrorDetail } from '../errors/gateway-error';
import { ExpressionError, evaluateExpression } from '../mapping/expressions';
import { FieldsCatalog, MappingLookup, fieldsOf, modelsOf } from '../mapping/fields-catalog';
import { WriteMode, buildInputSchema, validateWithSchema } from '../mapping/input-schema';
import { toOdooVals } from '../mapping/to-odoo';
import { OdooClient } from '../odoo/odoo-client';
import { ModelFieldsCache } from './model-fields-cache';
import { resolveNestedMany2one } from './nested-many2one';
import { RelationCache } from './relation-cache';
import { RelationIds, relationKey } from '../mapping/relation-values';
import { createMissingRelations, creatableRelations, resolveRelations } from './relation-resolver';

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

export interface PrepareOptions {
  /** All or nothing (an atomic batch): when one body fails, nothing is created for the others either. */
  allOrNothing?: boolean;
}

/** Every body's validation problems (schema and `compute_in`), without asking Odoo anything. */
export async function validateWrites(
  deps: WriteDeps,
  endpoint: EndpointDef,
  bodies: readonly unknown[],
  mode: WriteMode,
): Promise<ErrorDetail[][]> {
  const items = await validateItems(deps, endpoint, bodies, mode);
  return items.map((item) => item.errors);
}

export async function prepareWrites(
  deps: WriteDeps,
  endpoint: EndpointDef,
  bodies: readonly unknown[],
  modes: WriteMode | readonly WriteMode[],
  options: PrepareOptions = {},
): Promise<PreparedWrite[]> {
  // One mode for all, or one per body (an upsert batch mixes creates and updates): either way the
  // relations of every body are resolved together, once.
  const modeOf = (index: number): WriteMode =>
    typeof modes === 'string' ? modes : (modes[index] ?? 'create');
  const catalog = await deps.fields.catalog(modelsOf(endpoint, deps.lookup));
  const items = await validateMixed(deps, endpoint, bodies, modeOf);
  const valid = withoutErrors(items);
  if (valid.length === 0) return items;
  const request = {
    odoo: deps.odoo,
    mapping: endpoint,
    bodies: valid.map((item) => item.body),
    lookup: deps.lookup,
    context: { ...endpoint.context },
    cache: deps.relationCache,
  };
  const relations = await resolveRelations({ ...request, createMissing: false });
  const mapContext = { catalog, lookup: deps.lookup, defaults: endpoint.defaults };
  // Related records (`create_missing`) are created only for bodies nothing else rejects: a request
  // answered with an error must leave nothing behind in Odoo.
  if (!hasNestedMany2one(endpoint, catalog, deps.lookup)) {
    const standIns = withStandIns(relations, creatableRelations(endpoint, deps.lookup));
    for (const item of valid) {
      const dryRun = toOdooVals(endpoint, item.body, modeOf(item.index), {
        ...mapContext,
        relations: standIns,
        computed: item.computed,
      });
      item.errors.push(...dryRun.errors);
    }
  }
  const ready = withoutErrors(valid);
  if (ready.length === 0 || (options.allOrNothing && ready.length < items.length)) return items;
  await createMissingRelations({ ...request, bodies: ready.map((item) => item.body) }, relations);
  const nested = await resolveNestedMany2one({
    odoo: deps.odoo,
    mapping: endpoint,
    bodies: ready.map((item) => item.body),
    catalog,
    lookup: deps.lookup,
    relations,
    context: { ...endpoint.context },
  });
  for (const item of ready) {
    const result = toOdooVals(endpoint, item.body, modeOf(item.index), {
      ...mapContext,
      relations,
      computed: item.computed,
      nestedIds: nested.ids,
      nestedErrors: nested.errors,
    });
    item.vals = result.vals;
    item.errors.push(...result.errors);
  }
  return items;
}

/** validateItems for bodies of different modes, keeping their input order and indexes. */
async function validateMixed(
  deps: WriteDeps,
  endpoint: EndpointDef,
  bodies: readonly unknown[],
  modeOf: (index: number) => WriteMode,
): Promise<WorkingItem[]> {
  const items: WorkingItem[] = new Array<WorkingItem>(bodies.length);
  for (const mode of ['create', 'update'] as const) {
    const indexes = bodies.map((_, index) => index).filter((index) => modeOf(index) === mode);
    if (indexes.length === 0) continue;
    const validated = await validateItems(
      deps,
      endpoint,
      indexes.map((index) => bodies[index]),
      mode,
    );
    validated.forEach((item, position) => {
      const index = indexes[position] ?? 0;
      items[index] = { ...item, index };
    });
  }
  return items;
}

async function validateItems(
  deps: WriteDeps,
  endpoint: EndpointDef,
  bodies: readonly unknown[],
  mode: WriteMode,
): Promise<WorkingItem[]> {
  const catalog = await deps.fields.catalog(modelsOf(endpoint, deps.lookup));
  const schema = inputSchemaFor(endpoint, mode, catalog, deps.lookup);
  return Promise.all(
    bodies.map(async (body, index) => {
      // A write validates its bodies before asking Odoo, then prepares them: the second pass reuses
      // the first's verdict instead of running joi and the compute_in expressions again.
      const known = typeof body === 'object' && body !== null ? verdicts.get(body)?.get(mode) : undefined;
      if (known) return { ...known, index, vals: {}, errors: [...known.errors] };
      const item = validateBody(schema, body, index);
      if (item.errors.length === 0) await computeInputs(endpoint, item);
      if (typeof body === 'object' && body !== null) remember(body, mode, item);
      return item;
    }),
  );
}

/** Validation verdicts by request body (a body object lives only as long as its request). */
const verdicts = new WeakMap<object, Map<WriteMode, WorkingItem>>();

function remember(body: object, mode: WriteMode, item: WorkingItem): void {
  let byMode = verdicts.get(body);
  if (!byMode) {
    byMode = new Map();
    verdicts.set(body, byMode);
  }
  byMode.set(mode, { ...item, errors: [...item.errors] });
}

function withoutErrors(items: readonly WorkingItem[]): WorkingItem[] {
  return items.filter((item) => item.errors.length === 0);
}

/** Any id for a value that will be created: the dry run only looks for other problems. */
const STAND_IN_ID = Number.MAX_SAFE_INTEGER;

function withStandIns(relations: RelationIds, creatable: ReadonlySet<string>): RelationIds {
  return {
    idFor: (model, match, value) =>
      relations.idFor(model, match, value) ??
      (creatable.has(relationKey(model, match)) ? STAND_IN_ID : undefined),
  };
}

/**
 * Nested many2one/many2many objects are matched or created (nested-many2one.ts) before they can be
 * mapped, so a dry run cannot see their problems: such mappings keep creating relations first.
 */
function hasNestedMany2one(mapping: MappingDef, catalog: FieldsCatalog, lookup: MappingLookup): boolean {
  const fields = fieldsOf(catalog, mapping.model);
  return mapping.fields.some((line) => {
    const type = line.field ? fields[line.field]?.type : undefined;
    return (
      line.mapping !== undefined &&
      lookup(line.mapping) !== undefined &&
      (type === 'many2one' || type === 'many2many')
    );
  });
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
  item.errors.push(...validateWithSchema(schema, body));
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
