/**
 * `search`: filter by the compiled domain, sort by `order` (or the model's `_order`), then slice by
 * offset and limit. Tables are scanned in id order, which is what an unindexed heap scan returns.
 */
import { compileDomain } from './domain';
import type { ModelDef, Row } from './field-types';
import type { Orm } from './orm';
import { sortRows } from './order';

export interface SearchOptions {
  offset: number;
  limit: number | null;
  order: string | null;
  /** search_count: no need to sort. */
  unsorted?: boolean;
}

export function searchRows(orm: Orm, model: ModelDef, domain: unknown, opts: SearchOptions): Row[] {
  const pred = compileDomain(orm, model, domain);
  const rows: Row[] = [];
  for (const row of orm.store.rows(model.name)) if (pred(row)) rows.push(row);
  if (opts.unsorted) return rows;
  sortRows(orm, model, rows, opts.order ?? model.order);
  const start = Math.max(0, opts.offset);
  return opts.limit === null ? rows.slice(start) : rows.slice(start, start + opts.limit);
}

export function searchIds(orm: Orm, model: ModelDef, domain: unknown, opts: SearchOptions): number[] {
  return searchRows(orm, model, domain, opts).map((r) => r.id);
}
