/**
 * A `web_read` / `web_search_read` answer (related records nested inside their parents) → the flat
 * records and RelatedStore a classic read gives, so that one renderer (from-odoo.ts) serves both plans:
 * a many2one `{id, display_name, ...}` becomes `[id, display_name]` and its record goes to the store,
 * an x2many `[{id, ...}]` becomes `[ids]`.
 */
import { OdooRecord } from './from-odoo';
import { ReadSpec } from './read-spec';
import { RelatedStore } from './related-store';

/** Flattens `records` of `spec.model`, adding every related record met to `store`. */
export function flattenWebRecords(
  spec: ReadSpec,
  records: readonly OdooRecord[],
  store: RelatedStore,
): OdooRecord[] {
  return records.map((record) => flattenRecord(spec, record, store));
}

function flattenRecord(spec: ReadSpec, record: OdooRecord, store: RelatedStore): OdooRecord {
  const flat: OdooRecord = {};
  for (const [name, value] of Object.entries(record)) {
    const related = spec.fields.get(name);
    flat[name] = related ? flattenRelation(related, value, store) : value;
  }
  return flat;
}

function flattenRelation(related: ReadSpec, value: unknown, store: RelatedStore): unknown {
  if (Array.isArray(value)) {
    const records = value.filter(isRecord);
    store.add(related.model, flattenWebRecords(related, records, store));
    return value.map((item) => (isRecord(item) ? item.id : item));
  }
  if (!isRecord(value)) return value; // false (empty many2one) or a bare id
  store.add(related.model, [flattenRecord(related, value, store)]);
  return typeof value.display_name === 'string' ? [value.id, value.display_name] : value.id;
}

function isRecord(value: unknown): value is OdooRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
