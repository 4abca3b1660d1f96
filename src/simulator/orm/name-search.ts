/**
 * Searching records by name (`_rec_names_search`), as used by `name_search`, by domain leaves that
 * compare a relational field to text (`('country_id', 'ilike', 'bel')`), and by child_of/parent_of.
 */
import { valueError } from './faults';
import type { ModelDef } from './field-types';
import { compileDomain } from './domain';
import type { Orm } from './orm';
import { sortRows } from './order';

function nameDomain(model: ModelDef, op: string, value: unknown): unknown[] {
  const fields = model.recNamesSearch ?? [model.recName ?? 'name'];
  const leaves = fields.map((f) => [f, op, value]);
  const negative = op.startsWith('not') || op === '!=';
  return [...Array<string>(leaves.length - 1).fill(negative ? '&' : '|'), ...leaves];
}

/** Ids of `model` records whose name matches; used for relational leaves compared to text. */
export function nameSearchIds(orm: Orm, model: ModelDef, op: string, value: unknown): Set<number> {
  const pred = compileDomain(orm, model, nameDomain(model, op, value), false);
  const ids = new Set<number>();
  for (const row of orm.store.rows(model.name)) if (pred(row)) ids.add(row.id);
  return ids;
}

/** `name_search(name, domain, operator, limit)` → `[[id, display_name], ...]` in the model's order. */
export function nameSearch(
  orm: Orm,
  model: ModelDef,
  name: string,
  domain: unknown,
  operator: string,
  limit: number | null,
): [number, string | false][] {
  const byName =
    name || operator !== 'ilike' ? compileDomain(orm, model, nameDomain(model, operator, name)) : null;
  const byDomain = compileDomain(orm, model, domain);
  const rows = [...orm.store.rows(model.name)].filter((row) => (!byName || byName(row)) && byDomain(row));
  sortRows(orm, model, rows, model.order);
  const slice = limit ? rows.slice(0, limit) : rows;
  return slice.map((row) => [row.id, orm.displayNameOf(model, row)]);
}

function toIds(orm: Orm, model: ModelDef, value: unknown): number[] {
  if (value === false || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const ids: number[] = [];
  for (const v of list) {
    if (typeof v === 'number') ids.push(v);
    else if (typeof v === 'string') ids.push(...nameSearchIds(orm, model, 'ilike', v));
    else throw valueError(`Invalid value for child_of/parent_of: ${String(v)}`);
  }
  return ids;
}

/** child_of: the records and all their descendants; parent_of: the records and all their ancestors. */
export function hierarchyIds(orm: Orm, model: ModelDef, value: unknown, op: string): Set<number> {
  const start = toIds(orm, model, value);
  const parentName = model.parentName;
  const result = new Set(start);
  if (!parentName) return result;
  if (op === 'parent_of') {
    for (const id of start) {
      let parent = orm.row(model.name, id)?.[parentName];
      while (typeof parent === 'number' && !result.has(parent)) {
        result.add(parent);
        parent = orm.row(model.name, parent)?.[parentName];
      }
    }
    return result;
  }
  const children = new Map<number, number[]>();
  for (const row of orm.store.rows(model.name)) {
    const parent = row[parentName];
    if (typeof parent === 'number') children.set(parent, [...(children.get(parent) ?? []), row.id]);
  }
  const queue = [...start];
  while (queue.length) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (!result.has(child)) {
        result.add(child);
        queue.push(child);
      }
    }
  }
  return result;
}
