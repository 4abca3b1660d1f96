/**
 * Relations by match value (`country: "BE"` → the id of the res.country whose code is BE). The pure part:
 * which values a batch of bodies needs resolved, so that the I/O layer can fetch them all with one
 * `search_read` per (model, match field), whatever the number of records.
 */
import { FieldLine, MappingDef } from '../config/types';
import { MappingLookup } from './fields-catalog';
import { isWritableLine } from './writable-lines';

export type MatchValue = string | number;

/** `res.country|code` → values wanted. */
export type RelationWants = Map<string, { model: string; match: string; values: Set<MatchValue> }>;

export function relationKey(model: string, match: string): string {
  return `${model}|${match}`;
}

/** Resolved ids: `idFor('res.country', 'code', 'BE')` → 20, or undefined when no such record exists. */
export interface RelationIds {
  /** The lowest id with this value; whether several records have it is `idsFor`'s to tell. */
  idFor(model: string, match: string, value: MatchValue): number | undefined;
}

/** A relation value several records carry, where the line does not say which one wins. */
export interface AmbiguousValue {
  lineId: string;
  model: string;
  match: string;
  value: MatchValue;
  ids: readonly number[];
}

export function collectRelationWants(
  mapping: MappingDef,
  bodies: readonly Record<string, unknown>[],
  lookup: MappingLookup,
  wants: RelationWants = new Map(),
): RelationWants {
  for (const line of mapping.fields) {
    if (!isWritableLine(line) || line.computeIn !== undefined) continue;
    for (const body of bodies) {
      const value = body[line.key];
      if (value === undefined || value === null) continue;
      if (line.relation) addWanted(wants, line, value);
      const nested = line.mapping ? lookup(line.mapping) : undefined;
      if (nested) collectRelationWants(nested, asObjects(value), lookup, wants);
    }
  }
  return wants;
}

function addWanted(wants: RelationWants, line: FieldLine, value: unknown): void {
  const relation = line.relation;
  if (!relation) return;
  const key = relationKey(relation.model, relation.match);
  let entry = wants.get(key);
  if (!entry) {
    entry = { model: relation.model, match: relation.match, values: new Set() };
    wants.set(key, entry);
  }
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item === 'string' || typeof item === 'number') entry.values.add(item);
  }
}

export function asObjects(value: unknown): Record<string, unknown>[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
}

/** A RelationIds over `search_read` results: records with `id` and the match field. */
export class RelationIdTable implements RelationIds {
  private readonly ids = new Map<string, number[]>();

  add(model: string, match: string, records: readonly Record<string, unknown>[]): void {
    for (const record of records) {
      const value = record[match];
      if ((typeof value === 'string' || typeof value === 'number') && typeof record.id === 'number') {
        const key = `${relationKey(model, match)}|${String(value)}`;
        const ids = this.ids.get(key) ?? [];
        if (!ids.includes(record.id))
          this.ids.set(
            key,
            [...ids, record.id].sort((a, b) => a - b),
          );
      }
    }
  }

  idFor(model: string, match: string, value: MatchValue): number | undefined {
    return this.idsFor(model, match, value)[0];
  }

  /** Every id with this value, lowest first. */
  idsFor(model: string, match: string, value: MatchValue): readonly number[] {
    return this.ids.get(`${relationKey(model, match)}|${String(value)}`) ?? [];
  }
}

/**
 * The first relation value of `body` (nested objects included) that several records carry, unless
 * its line says `on_ambiguous: lowest_id`. Linking one of them would be a silent guess.
 */
export function findAmbiguousValue(
  mapping: MappingDef,
  body: Record<string, unknown>,
  lookup: MappingLookup,
  table: RelationIdTable,
  linePrefix = '',
): AmbiguousValue | undefined {
  for (const line of mapping.fields) {
    const value = body[line.key];
    if (!isWritableLine(line) || line.computeIn !== undefined || value === undefined || value === null)
      continue;
    const lineId = `${linePrefix}${line.key}`;
    const relation = line.relation;
    if (relation && relation.onAmbiguous !== 'lowest_id') {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item !== 'string' && typeof item !== 'number') continue;
        const ids = table.idsFor(relation.model, relation.match, item);
        if (ids.length > 1) return { lineId, model: relation.model, match: relation.match, value: item, ids };
      }
    }
    const nested = line.mapping ? lookup(line.mapping) : undefined;
    if (!nested) continue;
    const objects = asObjects(value);
    for (const [index, object] of objects.entries()) {
      const prefix = Array.isArray(value) ? `${lineId}[${index}].` : `${lineId}.`;
      const found = findAmbiguousValue(nested, object, lookup, table, prefix);
      if (found) return found;
    }
  }
  return undefined;
}
