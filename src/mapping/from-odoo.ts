/**
 * Odoo records → API objects (output direction). Pure: related records (for `relation.match`, nested
 * `mapping` and dotted paths) were fetched beforehand, one `read` per related model, and `compute`
 * results evaluated beforehand.
 */
import { FieldLine, MappingDef } from '../config/types';
import { FieldsCatalog, MappingLookup, fieldsOf, linePath } from './fields-catalog';
import { OdooFieldMeta } from './odoo-field-meta';
import { fromOdooValue } from './odoo-values';
import { isReadableLine } from './writable-lines';

export type OdooRecord = Record<string, unknown>;

/** Records fetched from related models: `get('res.country', 20)`. */
export interface RelatedRecords {
  get(model: string, id: number): OdooRecord | undefined;
}

export interface FromOdooContext {
  catalog: FieldsCatalog;
  lookup: MappingLookup;
  related: RelatedRecords;
  /** `compute` results of this record, by line key. */
  computed?: ReadonlyMap<string, unknown>;
  /** External keys asked for (`fields=`); all readable keys when absent. */
  keys?: ReadonlySet<string>;
}

export function fromOdooRecord(
  mapping: MappingDef,
  record: OdooRecord,
  context: FromOdooContext,
): OdooRecord {
  const fields = fieldsOf(context.catalog, mapping.model);
  const out: OdooRecord = {};
  for (const line of mapping.fields) {
    if (!isReadableLine(line) || (context.keys && !context.keys.has(line.key))) continue;
    if (line.compute !== undefined) {
      out[line.key] = context.computed?.get(line.key) ?? null;
      continue;
    }
    if (!line.field) continue;
    out[line.key] = renderLine(line, record, fields, context);
  }
  return out;
}

function renderLine(
  line: FieldLine,
  record: OdooRecord,
  fields: Readonly<Record<string, OdooFieldMeta>>,
  context: FromOdooContext,
): unknown {
  const path = linePath(line);
  const root = path[0] ?? '';
  const meta = fields[root];
  const raw = line.field === 'id' ? record.id : record[root];
  if (path.length > 1) return followPath(raw, meta, path.slice(1), context);
  const relatedModel = line.relation?.model ?? meta?.relation;
  if ((line.relation || line.mapping) && relatedModel) {
    const ids = relatedIds(raw);
    const nested = line.mapping ? context.lookup(line.mapping) : undefined;
    const rendered = ids.map((id) => {
      const related = context.related.get(relatedModel, id);
      if (!related) return null;
      if (nested)
        return fromOdooRecord(nested, related, { ...context, keys: undefined, computed: undefined });
      return fromOdooValue(
        related[line.relation?.match ?? 'id'],
        fieldsOf(context.catalog, relatedModel)[line.relation?.match ?? ''],
      );
    });
    return meta?.type === 'many2one' ? (rendered[0] ?? null) : rendered;
  }
  return fromOdooValue(raw, meta);
}

/** `partner_id.country_id.code`: walk many2one links through the fetched related records. */
function followPath(
  raw: unknown,
  meta: OdooFieldMeta | undefined,
  rest: readonly string[],
  context: FromOdooContext,
): unknown {
  const model = meta?.relation;
  const id = relatedIds(raw)[0];
  if (!model || id === undefined) return null;
  const related = context.related.get(model, id);
  const [next, ...tail] = rest;
  if (!related || next === undefined) return null;
  const nextMeta = fieldsOf(context.catalog, model)[next];
  if (tail.length > 0) return followPath(related[next], nextMeta, tail, context);
  return fromOdooValue(related[next], nextMeta);
}

/** Ids of a many2one (`[id, name]`) or x2many (`[ids]`) value. */
export function relatedIds(raw: unknown): number[] {
  if (!Array.isArray(raw)) return typeof raw === 'number' ? [raw] : [];
  if (raw.length === 2 && typeof raw[0] === 'number' && typeof raw[1] === 'string') return [raw[0]];
  return raw.filter((item): item is number => typeof item === 'number');
}
