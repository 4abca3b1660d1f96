/**
 * Which Odoo fields to read for a mapping (only those the caller asked for: `fields=` means the others
 * are not read from Odoo at all), and which related records the rendering step needs.
 */
import { MappingDef } from '../config/types';
import { expressionFieldNames } from './expressions';
import { FieldsCatalog, MappingLookup, fieldsOf, linePath } from './fields-catalog';
import { OdooRecord, relatedIds } from './from-odoo';
import { isReadableLine } from './writable-lines';

export function fieldsToRead(
  mapping: MappingDef,
  catalog: FieldsCatalog,
  keys?: ReadonlySet<string>,
): string[] {
  const known = fieldsOf(catalog, mapping.model);
  const fields = new Set<string>();
  for (const line of mapping.fields) {
    if (!isReadableLine(line) || (keys && !keys.has(line.key))) continue;
    const root = linePath(line)[0];
    if (root && root !== 'id') fields.add(root);
    if (line.compute !== undefined) {
      for (const name of expressionFieldNames(line.compute)) if (name in known) fields.add(name);
    }
  }
  // An empty list makes Odoo read every field: ask for the id alone instead (e.g. `fields=id`).
  return fields.size > 0 ? [...fields] : ['id'];
}

/** One `read` to make: these ids of this model, these fields. */
export interface RelatedRead {
  model: string;
  ids: Set<number>;
  fields: Set<string>;
}

/** What to do with the records a RelatedRead brings back: render them through a nested mapping, or follow a path. */
export interface Continuation {
  model: string;
  ids: number[];
  mapping?: MappingDef;
  path?: string[];
}

export interface RelatedPlan {
  reads: Map<string, RelatedRead>;
  continuations: Continuation[];
}

/** Plans the related reads of one level: relation match values, nested mappings, dotted paths. */
export function planRelatedReads(
  mapping: MappingDef,
  records: readonly OdooRecord[],
  catalog: FieldsCatalog,
  lookup: MappingLookup,
  keys?: ReadonlySet<string>,
  plan: RelatedPlan = { reads: new Map(), continuations: [] },
): RelatedPlan {
  const fields = fieldsOf(catalog, mapping.model);
  for (const line of mapping.fields) {
    if (!isReadableLine(line) || !line.field || (keys && !keys.has(line.key))) continue;
    const [root = '', ...rest] = linePath(line);
    const model = line.relation?.model ?? fields[root]?.relation;
    if (!model) continue;
    const nested = line.mapping ? lookup(line.mapping) : undefined;
    if (!line.relation && !nested && rest.length === 0) continue;
    const ids = records.flatMap((record) => relatedIds(record[root]));
    if (ids.length === 0) continue;
    const wanted = nested
      ? fieldsToRead(nested, catalog)
      : rest.length > 0
        ? [rest[0] ?? '']
        : [line.relation?.match ?? ''];
    addRead(plan, model, ids, wanted);
    if (nested) plan.continuations.push({ model, ids, mapping: nested });
    if (rest.length > 1) plan.continuations.push({ model, ids, path: rest });
  }
  return plan;
}

export function addRead(
  plan: RelatedPlan,
  model: string,
  ids: readonly number[],
  fields: readonly string[],
): void {
  let read = plan.reads.get(model);
  if (!read) {
    read = { model, ids: new Set(), fields: new Set() };
    plan.reads.set(model, read);
  }
  for (const id of ids) read.ids.add(id);
  for (const field of fields) if (field) read.fields.add(field);
}
