/**
 * The web client's one-call reads (module `web`, Odoo 17+): `web_read(specification)`,
 * `web_search_read(domain, specification, ...)` and `web_save(vals, specification)`, as Odoo's
 * `models.py` of the `web` module writes them. A specification maps field names to `{}` (the plain
 * `read` value, a many2one as its bare id) or to `{fields: {...}}` (a many2one as `{id, ...}` or
 * false, an x2many as a list of objects, optionally with `order` and `limit`). Dotted paths are not
 * field names, so `read` refuses them like any unknown field.
 */
import { missingError, valueError } from './faults';
import { X2MANY, type ModelDef, type Row } from './field-types';
import type { Orm } from './orm';
import { readFieldList, readRows } from './read';
import { searchRows } from './search';
import { createRecords, writeRecords } from './write';

type Spec = Record<string, { fields?: Spec; order?: string; limit?: number; context?: object }>;
type Values = Record<string, unknown>;

function asSpec(value: unknown): Spec {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw valueError('specification must be a dictionary of field names');
  }
  return value as Spec;
}

/** `read(fields, load=None)`: a many2one is its bare id. */
function plainValues(orm: Orm, model: ModelDef, rows: readonly Row[], fields: string[]): Values[] {
  const names = readFieldList(
    model,
    fields.filter((f) => f !== 'display_name'),
  );
  const wantsName = fields.includes('display_name');
  return readRows(orm, model, rows, names).map((values, k) => {
    const out: Values = { id: values.id };
    for (const f of fields) {
      if (f === 'id') continue;
      if (f === 'display_name' && wantsName) out[f] = orm.displayNameOf(model, rows[k]!);
      else
        out[f] = Array.isArray(values[f]) && model.fields[f]?.type === 'many2one' ? values[f][0] : values[f];
    }
    return out;
  });
}

function readMany2one(orm: Orm, comodel: ModelDef, ids: number[], spec: Spec): Map<number, Values> {
  const { display_name: wantsName, ...rest } = spec;
  const rows = rowsOf(orm, comodel, ids);
  const values = webReadRows(orm, comodel, rows, rest);
  const byId = new Map(values.map((v) => [v.id as number, v]));
  if (wantsName) for (const row of rows) byId.get(row.id)!.display_name = orm.displayNameOf(comodel, row);
  return byId;
}

function readX2many(orm: Orm, comodel: ModelDef, ids: number[], sub: Spec[string]): Map<number, Values> {
  let rows = rowsOf(orm, comodel, ids);
  if (sub.order)
    rows = searchRows(orm, comodel, [['id', 'in', ids]], { offset: 0, limit: null, order: sub.order });
  const values = webReadRows(orm, comodel, rows, asSpec(sub.fields));
  return new Map(values.map((v) => [v.id as number, v]));
}

const rowsOf = (orm: Orm, model: ModelDef, ids: readonly number[]): Row[] =>
  [...new Set(ids)].map((id) => orm.row(model.name, id)).filter((r): r is Row => r !== undefined);

function webReadRows(orm: Orm, model: ModelDef, rows: readonly Row[], spec: Spec): Values[] {
  const records = plainValues(orm, model, rows, Object.keys(spec));
  for (const [fname, sub] of Object.entries(spec)) {
    const fd = model.fields[fname];
    if (!fd?.relation || !sub || typeof sub !== 'object' || !sub.fields) continue;
    const comodel = orm.model(fd.relation);
    if (fd.type === 'many2one') {
      const ids = records.map((r) => r[fname]).filter((id): id is number => typeof id === 'number');
      const byId = readMany2one(orm, comodel, ids, asSpec(sub.fields));
      for (const r of records)
        r[fname] = typeof r[fname] === 'number' ? (byId.get(r[fname]) ?? false) : false;
    } else if (X2MANY.has(fd.type)) {
      const byId = readX2many(
        orm,
        comodel,
        records.flatMap((r) => r[fname] as number[]),
        sub,
      );
      for (const r of records) {
        const listed = (r[fname] as number[]).filter((id) => byId.has(id));
        const ordered = sub.order ? [...byId.keys()].filter((id) => listed.includes(id)) : listed;
        const limited = typeof sub.limit === 'number' ? ordered.slice(0, sub.limit) : ordered;
        r[fname] = limited.map((id) => byId.get(id));
      }
    }
  }
  return records;
}

/** `web_read`: unlike `read`, a missing id is a MissingError. */
export function webRead(orm: Orm, model: ModelDef, ids: readonly number[], specification: unknown): Values[] {
  const spec = asSpec(specification);
  const missing = ids.filter((id) => !orm.row(model.name, id));
  if (missing.length) throw missingError(model.name, missing, orm.uid);
  return webReadRows(orm, model, rowsOf(orm, model, ids), spec);
}

export interface WebSearchReadArgs {
  domain: unknown;
  specification: unknown;
  offset: number;
  limit: number | null;
  order: string | null;
  count_limit: number | null;
}

/** `_format_web_search_read_results`: the exact count only when the page is full. */
export function webSearchRead(orm: Orm, model: ModelDef, a: WebSearchReadArgs) {
  const spec = asSpec(a.specification);
  const rows = searchRows(orm, model, a.domain, { offset: a.offset, limit: a.limit, order: a.order });
  const records = webReadRows(orm, model, rows, spec);
  if (records.length === 0) return { length: 0, records: [] };
  const currentLength = records.length + a.offset;
  const limitReached = records.length === a.limit;
  const countLimitReached = a.count_limit !== null && a.count_limit > 0 && a.count_limit <= currentLength;
  if (a.limit && limitReached && !countLimitReached) {
    const all = searchRows(orm, model, a.domain, { offset: 0, limit: null, order: null, unsorted: true });
    const length = a.count_limit ? Math.min(all.length, a.count_limit) : all.length;
    return { length, records };
  }
  return { length: currentLength, records };
}

/** `web_save`: write (or create when there are no ids), then read back per specification. */
export function webSave(
  orm: Orm,
  model: ModelDef,
  ids: readonly number[],
  vals: unknown,
  specification: unknown,
) {
  if (!vals || typeof vals !== 'object' || Array.isArray(vals))
    throw valueError('web_save() expects a dict of values');
  let saved = [...ids];
  if (saved.length) writeRecords(orm, model, saved, vals as Values);
  else saved = createRecords(orm, model, [vals as Values]);
  return webRead(orm, model, saved, specification);
}
