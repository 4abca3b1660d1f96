/**
 * Resolves every relation match value of a request with one `search_read` per (model, match field),
 * whatever the number of records or values, and creates the missing ones in one `create` per model
 * where the line allows it (`create_missing: true`).
 */
import { MappingDef } from '../config/types';
import { MappingLookup } from '../mapping/fields-catalog';
import { MatchValue, RelationIdTable, RelationWants, collectRelationWants } from '../mapping/relation-values';
import { OdooRecord } from '../mapping/from-odoo';
import { OdooClient } from '../odoo/odoo-client';
import { RelationCache } from './relation-cache';

export interface RelationResolveRequest {
  odoo: OdooClient;
  mapping: MappingDef;
  bodies: readonly Record<string, unknown>[];
  lookup: MappingLookup;
  context: Record<string, unknown>;
  /** Creates missing values where the line says `create_missing: true`; false for dry runs and reads. */
  createMissing: boolean;
  /** Cross-request cache of value → id (relation_cache_ttl_ms); absent or disabled: always ask Odoo. */
  cache?: RelationCache;
}

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
      const records = await request.odoo.executeKw<OdooRecord[]>(
        model,
        'search_read',
        [[[match, 'in', unknown]]],
        { fields: ['id', match], order: 'id', context: request.context },
        { readOnly: true },
      );
      table.add(model, match, records);
      for (const value of unknown) {
        const id = table.idFor(model, match, value);
        if (id !== undefined) cache?.set(scope, model, match, value, id);
      }
    }),
  );
  if (request.createMissing) await createMissing(request, wants, table);
  return table;
}

/**
 * After `resolveRelations` without creation: creates what the bodies name and `table` lacks, where the
 * line allows it, and adds the new ids to `table`. Lets a write create related records only for the
 * bodies that will be written (a rejected request must leave nothing behind).
 */
export async function createMissingRelations(
  request: Omit<RelationResolveRequest, 'createMissing'>,
  table: RelationIdTable,
): Promise<void> {
  const wants = collectRelationWants(request.mapping, request.bodies, request.lookup);
  await createMissing(request, wants, table);
}

async function createMissing(
  request: Omit<RelationResolveRequest, 'createMissing'>,
  wants: RelationWants,
  table: RelationIdTable,
) {
  const creatable = creatableRelations(request.mapping, request.lookup);
  await Promise.all(
    [...wants.values()].map(async ({ model, match, values }) => {
      if (!creatable.has(`${model}|${match}`)) return;
      const missing = [...values].filter((value) => table.idFor(model, match, value) === undefined);
      if (missing.length === 0) return;
      const ids = await request.odoo.executeKw<number[]>(
        model,
        'create',
        [missing.map((value: MatchValue) => ({ [match]: value }))],
        { context: request.context },
      );
      table.add(
        model,
        match,
        missing.map((value, index) => ({ id: ids[index], [match]: value })),
      );
    }),
  );
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
