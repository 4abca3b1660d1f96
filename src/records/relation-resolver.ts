/**
 * Resolves every relation match value of a request with one `search_read` per (model, match field),
 * whatever the number of records or values, and creates the missing ones in one `create` per model
 * where the line allows it (`create_missing: true`).
 */
import { MappingDef } from '../config/types';
import { MappingLookup } from '../mapping/fields-catalog';
import { GatewayError } from '../errors/gateway-error';
import { MatchValue, RelationIdTable, collectRelationWants, relationKey } from '../mapping/relation-values';
import { OdooRecord } from '../mapping/from-odoo';
import { OdooClient } from '../odoo/odoo-client';
import { odooModel } from '../odoo/odoo-model';
import { RelationCache } from './relation-cache';
import { SplitSender } from './split-sender';

export interface RelationResolveRequest {
  odoo: OdooClient;
  mapping: MappingDef;
  bodies: readonly Record<string, unknown>[];
  lookup: MappingLookup;
  context: Record<string, unknown>;
  /** Cross-request cache of value → id (relation_cache_ttl_ms); absent or disabled: always ask Odoo. */
  cache?: RelationCache;
}

/** Looks up every relation value the bodies name; creates nothing. */
export async function resolveRelations(request: RelationResolveRequest): Promise<RelationIdTable> {
  const wants = collectRelationWants(request.mapping, request.bodies, request.lookup);
  const table = new RelationIdTable();
  await Promise.all(
    [...wants.values()].map(async ({ model, match, values }) => {
      const cache = request.cache?.enabled ? request.cache : undefined;
      // Endpoints with another context (allowed_company_ids...) may see other records: never share hits.
      const scope = JSON.stringify(request.context);
      const unknown = [...values].filter((value) => {
        const id = cache?.get(scope, model, match, value);
        if (id !== undefined) table.add(model, match, [{ id, [match]: value }]);
        return id === undefined;
      });
      if (unknown.length === 0) return;
      const records = await odooModel(request.odoo, model, request.context).searchRead<OdooRecord>(
        [[match, 'in', unknown]],
        { fields: ['id', match], order: 'id' },
      );
      table.add(model, match, records);
      for (const value of unknown) {
        // An ambiguous value is asked again next time: someone may make it unique in Odoo.
        const ids = table.idsFor(model, match, value);
        if (ids.length === 1) cache?.set(scope, model, match, value, ids[0] as number);
      }
    }),
  );
  return table;
}

/** Relation values Odoo refused to create, by `model|match|value`. */
export type RelationRefusals = ReadonlyMap<string, GatewayError>;

/** A related record `createMissingRelations` made for the request. */
export interface CreatedRelation {
  model: string;
  match: string;
  value: MatchValue;
  id: number;
}

export interface MissingRelationsResult {
  refusals: RelationRefusals;
  created: CreatedRelation[];
}

/**
 * After `resolveRelations`: creates what the bodies name and `table` lacks, where the line allows it
 * (one `create` per model), and adds the new ids to `table`. Lets a write create related records only
 * for the bodies that will be written (a rejected request must leave nothing behind). Values Odoo
 * refuses are isolated (split-sender.ts) and returned, so that only the bodies naming them fail; a
 * call that fails for another reason fails the request.
 */
export async function createMissingRelations(
  request: RelationResolveRequest,
  table: RelationIdTable,
): Promise<MissingRelationsResult> {
  const wants = collectRelationWants(request.mapping, request.bodies, request.lookup);
  const creatable = creatableRelations(request.mapping, request.lookup);
  const refusals = new Map<string, GatewayError>();
  const created: CreatedRelation[] = [];
  await Promise.all(
    [...wants.values()].map(async ({ model, match, values }) => {
      if (!creatable.has(relationKey(model, match))) return;
      const missing = [...values].filter((value) => table.idFor(model, match, value) === undefined);
      if (missing.length === 0) return;
      const related = odooModel(request.odoo, model, request.context);
      const results = await new SplitSender(true).send(missing, (part) =>
        related.create(part.map((value: MatchValue) => ({ [match]: value }))),
      );
      missing.forEach((value, position) => {
        const result = results[position];
        if (result?.ok) {
          created.push({ model, match, value, id: result.value });
          return table.add(model, match, [{ id: result.value, [match]: value }]);
        }
        if (result?.why !== 'refused') throw result?.error;
        refusals.set(refusalKey(model, match, value), result.error);
      });
    }),
  );
  return { refusals, created };
}

/** Odoo's refusal of a relation value `body` names, if any. */
export function refusalFor(
  request: Pick<RelationResolveRequest, 'mapping' | 'lookup'>,
  refusals: RelationRefusals,
  body: Record<string, unknown>,
): GatewayError | undefined {
  if (refusals.size === 0) return undefined;
  for (const { model, match, values } of collectRelationWants(
    request.mapping,
    [body],
    request.lookup,
  ).values()) {
    for (const value of values) {
      const refusal = refusals.get(refusalKey(model, match, value));
      if (refusal) return refusal;
    }
  }
  return undefined;
}

function refusalKey(model: string, match: string, value: MatchValue): string {
  return `${relationKey(model, match)}|${typeof value}:${String(value)}`;
}

/** `model|match` pairs whose missing values the mapping (or a nested one) may create. */
export function creatableRelations(
  mapping: MappingDef,
  lookup: MappingLookup,
  seen = new Set<string>(),
): Set<string> {
  const result = new Set<string>();
  if (seen.has(mapping.name)) return result;
  seen.add(mapping.name);
  for (const line of mapping.fields) {
    if (line.relation?.createMissing) result.add(`${line.relation.model}|${line.relation.match}`);
    const nested = line.mapping ? lookup(line.mapping) : undefined;
    if (nested) for (const key of creatableRelations(nested, lookup, seen)) result.add(key);
  }
  return result;
}
