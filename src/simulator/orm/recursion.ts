/**
 * Odoo refuses a parent chain that loops back to the record: models with `_parent_store` (partner
 * tags) raise "Recursion Detected." while computing the parent path; res.partner's own constraint
 * raises a ValidationError.
 */
import type { ModelDef, Row } from './field-types';
import type { Orm } from './orm';

/** True when following `parentName` up from the row's new parent reaches the row again. */
export function createsCycle(orm: Orm, model: ModelDef, row: Row): boolean {
  const parentName = model.parentName;
  if (!parentName) return false;
  const seen = new Set<number>();
  let parent = row[parentName];
  while (typeof parent === 'number' && !seen.has(parent)) {
    if (parent === row.id) return true;
    seen.add(parent);
    parent = orm.row(model.name, parent)?.[parentName];
  }
  return false;
}
