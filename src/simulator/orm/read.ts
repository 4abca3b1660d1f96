/**
 * What `read`, `fields_get` and `default_get` return: many2one as `[id, display_name]`, x2many as id
 * lists in the comodel's order, floats as floats, `false` for every empty non-numeric value.
 */
import { PyFloat } from '../wire/py-repr';
import { valueError } from './faults';
import { X2MANY, type FieldDef, type ModelDef, type Row } from './field-types';
import type { Orm } from './orm';
import { sortRows } from './order';
import { pyRepr } from '../wire/py-repr';

function sortedIds(orm: Orm, comodel: ModelDef, ids: number[]): number[] {
  if (ids.length < 2) return ids;
  const rows = ids.map((id) => orm.row(comodel.name, id)).filter((r): r is Row => r !== undefined);
  sortRows(orm, comodel, rows, comodel.order);
  return rows.map((r) => r.id);
}

function readValue(orm: Orm, model: ModelDef, row: Row, fname: string, fd: FieldDef): unknown {
  if (X2MANY.has(fd.type)) return sortedIds(orm, orm.model(fd.relation!), orm.x2manyIds(model, row, fname));
  const value = orm.value(model, row, fname);
  switch (fd.type) {
    case 'many2one':
      if (typeof value !== 'number') return false;
      return orm.row(fd.relation!, value) ? [value, orm.displayName(fd.relation!, value)] : false;
    case 'float':
    case 'monetary':
      return new PyFloat(typeof value === 'number' ? value : 0);
    case 'integer':
      return typeof value === 'number' ? value : 0;
    case 'boolean':
      return value === true;
    default:
      // NULL reads as false; an empty string stored as such reads back as ''.
      return value === null || value === undefined ? false : value;
  }
}

export function checkFieldNames(model: ModelDef, fields: readonly string[]): void {
  for (const f of fields) {
    if (typeof f !== 'string' || !model.fields[f]) {
      throw valueError(`Invalid field ${pyRepr(f)} on model ${pyRepr(model.name)}`);
    }
  }
}

/** Field list normalized: `id` first, each field once; all fields when none are asked for. */
export function readFieldList(model: ModelDef, fields: unknown): string[] {
  const asked = Array.isArray(fields) && fields.length > 0 ? (fields as string[]) : Object.keys(model.fields);
  checkFieldNames(model, asked);
  return ['id', ...new Set(asked.filter((f) => f !== 'id'))];
}

export function readRows(orm: Orm, model: ModelDef, rows: readonly Row[], fields: readonly string[]) {
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const fname of fields)
      out[fname] = fname === 'id' ? row.id : readValue(orm, model, row, fname, model.fields[fname]!);
    return out;
  });
}

const DESCRIPTION_ORDER = [
  'company_dependent', 'default_export_compatible', 'depends', 'exportable', 'groupable', 'help', 'manual',
  'name', 'readonly', 'related', 'relation', 'relation_field', 'required', 'searchable', 'selection',
  'sortable', 'store', 'string', 'translate', 'type',
]; // prettier-ignore

function describe(fname: string, fd: FieldDef): Record<string, unknown> {
  const stored = !fd.compute && !fd.related && fd.type !== 'one2many';
  const d: Record<string, unknown> = {
    company_dependent: false,
    default_export_compatible: fname !== 'id',
    depends: fd.related ? [fd.related.join('.')] : [...(fd.precomputeDepends ?? [])],
    exportable: true,
    groupable: stored && !X2MANY.has(fd.type),
    manual: false,
    name: fname,
    readonly: Boolean(fd.readonly) || Boolean(fd.compute && !fd.inverse),
    required: Boolean(fd.required),
    searchable: true,
    sortable: stored && !X2MANY.has(fd.type),
    store: stored || fd.type === 'one2many',
    string: fd.string,
    translate: false,
    type: fd.type,
  };
  if (fd.help) d.help = fd.help;
  if (fd.related) d.related = fd.related.join('.');
  if (fd.relation) d.relation = fd.relation;
  if (fd.inverseName) d.relation_field = fd.inverseName;
  if (fd.selection) d.selection = fd.selection.map(([k, v]) => [k, v]);
  return d;
}

export function fieldsGet(model: ModelDef, allfields: unknown, attributes: unknown): Record<string, unknown> {
  const names =
    Array.isArray(allfields) && allfields.length ? (allfields as string[]) : Object.keys(model.fields);
  const wanted = Array.isArray(attributes) && attributes.length ? new Set(attributes as string[]) : null;
  const out: Record<string, unknown> = {};
  for (const fname of names) {
    const fd = model.fields[fname];
    if (!fd) continue;
    const full = describe(fname, fd);
    const picked: Record<string, unknown> = {};
    for (const key of DESCRIPTION_ORDER)
      if (key in full && (!wanted || wanted.has(key))) picked[key] = full[key];
    out[fname] = picked;
  }
  return out;
}

export function defaultGet(orm: Orm, model: ModelDef, fields: unknown): Record<string, unknown> {
  const names = Array.isArray(fields) ? (fields as string[]) : [];
  const out: Record<string, unknown> = {};
  for (const fname of names) {
    const fd = model.fields[fname];
    if (!fd || fd.default === undefined) continue;
    const value = typeof fd.default === 'function' ? (fd.default as (o: Orm) => unknown)(orm) : fd.default;
    out[fname] = fd.type === 'float' || fd.type === 'monetary' ? new PyFloat(Number(value)) : value;
  }
  return out;
}
