/**
 * Validated items → Odoo values: resolve the relation values of every item in one pass, check each
 * mapping with a dry run, create what is missing (`create_missing`, nested many2one objects) only for
 * the items that passed, then map. The number of Odoo calls does not depend on the number of items;
 * an item failing here never reaches Odoo, and neither do related records made only for it.
 */
import { EndpointDef, MappingDef } from '../config/types';
import { AmbiguousRelationError, ValidationError } from '../errors/errors';
import { FieldsCatalog, MappingLookup, fieldsOf } from '../mapping/fields-catalog';
import { RelationIdTable, RelationIds, findAmbiguousValue, relationKey } from '../mapping/relation-values';
import { toOdooVals } from '../mapping/to-odoo';
import { OdooClient } from '../odoo/odoo-client';
import type { IdentifierLockService } from '../store/advisory-locks';
import { ModelFieldsCache } from './model-fields-cache';
import { nestedCreatedFor, nestedRefusalFor, resolveNestedMany2one } from './nested-many2one';
import { identifierOf } from './record-lookup';
import { refuseMissingIds } from './related-ids-check';
import { CreatedFor, createdFor } from './created-relations';
import { RelationCache } from './relation-cache';
import {
  createMissingRelations,
  creatableRelations,
  refusalFor,
  resolveRelations,
} from './relation-resolver';
import { OpenItem, WriteItem, failed, mapOpen, openItems, withReplacements } from './write-item';
import { InputSchemaCache } from './write-validation';

export interface WriteDeps {
  odoo: OdooClient;
  fields: ModelFieldsCache;
  lookup: MappingLookup;
  relationCache?: RelationCache;
  /** The app's store's locks (shared by replicas on PostgreSQL); absent: the process-wide default. */
  locks?: IdentifierLockService;
  /** One per app (see `createWriteState`); absent: the process-wide default. */
  schemas?: InputSchemaCache;
}

export interface PrepareOptions {
  /** All or nothing (an atomic batch): when one item fails, nothing is created for the others either. */
  allOrNothing: boolean;
}

export interface PreparedItems {
  items: WriteItem[];
  /**
   * Related records created for the items (create_missing values, nested many2one objects), to remove
   * again if none of the items naming them is saved.
   */
  created: CreatedFor[];
}

/** Gives every open item (validated, its mode known) its Odoo values, or fails it. */
export async function prepareItems(
  deps: WriteDeps,
  endpoint: EndpointDef,
  catalog: FieldsCatalog,
  items: readonly WriteItem[],
  options: PrepareOptions,
): Promise<PreparedItems> {
  const valid = openItems(items);
  if (valid.length === 0) return { items: [...items], created: [] };
  const request = {
    odoo: deps.odoo,
    mapping: endpoint,
    bodies: valid.map((item) => item.body),
    lookup: deps.lookup,
    context: endpoint.context,
    cache: deps.relationCache,
  };
  const [relations, named] = await Promise.all([
    resolveRelations(request),
    refuseMissingIds(deps.odoo, endpoint, { catalog, lookup: deps.lookup }, valid),
  ]);
  const mapContext = { catalog, lookup: deps.lookup, defaults: endpoint.defaults };
  // Related records are created only for items nothing else rejects: a request answered with an error
  // must leave nothing behind in Odoo. The dry run cannot see nested objects' problems before they exist.
  const standIns = withStandIns(relations, creatableRelations(endpoint, deps.lookup));
  const unambiguous = mapOpen(named, (item) => refuseAmbiguous(endpoint, deps.lookup, relations, item));
  const checked = hasNestedMany2one(endpoint, catalog, deps.lookup)
    ? unambiguous
    : mapOpen(unambiguous, (item) => {
        const dryRun = toOdooVals(endpoint, item.body, modeOf(item), {
          ...mapContext,
          relations: standIns,
          computed: item.computed,
        });
        return dryRun.errors.length > 0 ? failed(item, ValidationError.fromDetails(dryRun.errors)) : item;
      });
  const ready = openItems(checked);
  if (ready.length === 0 || (options.allOrNothing && ready.length < valid.length)) {
    return { items: withReplacements(items, checked), created: [] };
  }
  const readyBodies = ready.map((item) => item.body);
  const { refusals, created } = await createMissingRelations({ ...request, bodies: readyBodies }, relations);
  const nested = await resolveNestedMany2one({ ...request, bodies: readyBodies, catalog, relations });
  const mapped = mapOpen(ready, (item) => {
    const refusal = refusalFor(request, refusals, item.body) ?? nestedRefusalFor(endpoint, nested, item.body);
    if (refusal) return failed(item, refusal);
    const result = toOdooVals(endpoint, item.body, modeOf(item), {
      ...mapContext,
      relations,
      computed: item.computed,
      nestedIds: nested.ids,
      nestedErrors: nested.errors,
    });
    if (result.errors.length > 0) return failed(item, ValidationError.fromDetails(result.errors));
    const vals = withoutSameIdentifier(endpoint, item, result.vals);
    return { ...item, vals: item.reactivate ? { ...vals, active: true } : vals };
  });
  return {
    items: withReplacements(withReplacements(items, checked), mapped),
    created: [
      ...createdFor(endpoint, deps.lookup, created, ready),
      ...nestedCreatedFor(endpoint, nested, ready),
    ],
  };
}

/** A relation value several records carry is a 409 (like an ambiguous identifier), never a silent pick. */
function refuseAmbiguous(
  endpoint: EndpointDef,
  lookup: MappingLookup,
  relations: RelationIdTable,
  item: OpenItem,
): WriteItem {
  const found = findAmbiguousValue(endpoint, item.body, lookup, relations);
  if (!found) return item;
  const { lineId, model, match, value, ids } = found;
  const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '');
  const message =
    `${lineId}: ${JSON.stringify(value)} matches ${ids.length} ${model} records by ${match} ` +
    `(ids ${shown}); make it unique in Odoo, or set on_ambiguous: lowest_id on the relation`;
  return failed(item, new AmbiguousRelationError(message, { lineId }));
}

function modeOf(item: OpenItem) {
  return item.mode ?? 'create';
}

/** Rewriting the identifier with the value that found the record changes nothing, and would keep updates apart. */
function withoutSameIdentifier(endpoint: EndpointDef, item: OpenItem, vals: Record<string, unknown>) {
  const { field } = identifierOf(endpoint);
  if (item.mode !== 'update' || item.target === undefined) return vals;
  if (!(field in vals) || String(vals[field]) !== String(item.target)) return vals;
  const copy = { ...vals };
  delete copy[field];
  return copy;
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
