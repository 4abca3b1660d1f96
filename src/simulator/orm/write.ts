/**
 * create / write / unlink with Odoo's order of checks: unknown fields, value conversion (selection,
 * numbers, dates), missing records, then the database's NOT NULL, CHECK and FOREIGN KEY constraints;
 * x2many commands, related and inverse fields are applied once the row exists.
 */
import { applyX2many } from './commands';
import { convertValue } from './convert';
import { foreignKeyError, missingError, notNullError, unknownField } from './faults';
import { X2MANY, type CreateContext, type FieldDef, type ModelDef, type Row } from './field-types';
import type { Orm } from './orm';
import { AUTOMATIC_FIELDS } from './registry';

type Vals = Record<string, unknown>;

interface SplitVals {
  scalars: Vals;
  deferred: [fname: string, fd: FieldDef, value: unknown][];
}

export const tableName = (model: string): string => model.replace(/\./g, '_');

function splitVals(model: ModelDef, vals: Vals, inCreate: boolean): SplitVals {
  for (const key of Object.keys(vals)) if (!model.fields[key]) throw unknownField(model.name, key, inCreate);
  const scalars: Vals = {};
  const deferred: SplitVals['deferred'] = [];
  for (const [fname, value] of Object.entries(vals)) {
    const fd = model.fields[fname]!;
    // Read-only related fields (state on an order line) ignore writes, like Odoo.
    if (AUTOMATIC_FIELDS.has(fname) || (fd.related && fd.readonly)) continue;
    if (fd.inverse) deferred.push([fname, fd, convertValue(model, fname, fd, value)]);
    else if (fd.compute)
      continue; // computed without inverse: Odoo ignores the value
    else if (fd.related || X2MANY.has(fd.type)) deferred.push([fname, fd, value]);
    else scalars[fname] = convertValue(model, fname, fd, value);
  }
  return { scalars, deferred };
}

function isStored(fname: string, fd: FieldDef): boolean {
  return !AUTOMATIC_FIELDS.has(fname) && !fd.compute && !fd.related && fd.type !== 'one2many';
}

function defaults(orm: Orm, model: ModelDef, vals: Vals): Vals {
  const out: Vals = {};
  for (const [fname, fd] of Object.entries(model.fields)) {
    if (fname in vals || fd.default === undefined || !isStored(fname, fd)) continue;
    const value = typeof fd.default === 'function' ? (fd.default as (o: Orm) => unknown)(orm) : fd.default;
    out[fname] = X2MANY.has(fd.type) ? value : convertValue(model, fname, fd, value);
  }
  return out;
}

/** The database constraints, in PostgreSQL's order: NOT NULL, CHECK, then foreign keys. */
function checkRow(orm: Orm, model: ModelDef, row: Row, changed: Iterable<string>): void {
  for (const fname of changed) {
    const fd = model.fields[fname];
    if (!fd?.required || fd.type === 'boolean' || !isStored(fname, fd) || X2MANY.has(fd.type)) continue;
    const v = row[fname];
    if (v === false || v === null || v === undefined)
      throw notNullError(model.description, model.name, fd.string, fname);
  }
  model.check?.(orm, row);
  for (const fname of changed) {
    const fd = model.fields[fname];
    const id = row[fname];
    if (fd?.type !== 'many2one' || typeof id !== 'number' || AUTOMATIC_FIELDS.has(fname)) continue;
    if (!orm.row(fd.relation!, id)) {
      throw foreignKeyError(model.description, model.name, `${tableName(model.name)}_${fname}_fkey`);
    }
  }
}

function applyDeferred(orm: Orm, model: ModelDef, id: number, deferred: SplitVals['deferred']): void {
  for (const [fname, fd, value] of deferred) {
    if (X2MANY.has(fd.type)) applyX2many(orm, model, id, fname, fd, value);
    else if (fd.related) writeRelated(orm, model, id, fd.related, value);
    else fd.inverse?.(orm, id, value);
  }
}

function writeRelated(orm: Orm, model: ModelDef, id: number, path: readonly string[], value: unknown): void {
  const [link, target] = path as [string, string];
  const targetId = orm.row(model.name, id)?.[link];
  const comodel = model.fields[link]?.relation;
  if (typeof targetId === 'number' && comodel)
    writeRecords(orm, orm.model(comodel), [targetId], { [target]: value });
}

export function createRecords(
  orm: Orm,
  model: ModelDef,
  valsList: Vals[],
  ctx: CreateContext = {},
): number[] {
  return valsList.map((given) => {
    for (const key of Object.keys(given)) if (!model.fields[key]) throw unknownField(model.name, key, true);
    const vals = { ...given };
    model.beforeCreate?.(orm, vals, ctx);
    const { scalars, deferred } = splitVals(model, vals, true);
    const id = orm.store.allocId(model.name);
    const now = orm.nowString();
    const row: Row = {
      ...defaults(orm, model, vals),
      ...scalars,
      id,
      create_uid: orm.uid,
      create_date: now,
      write_uid: orm.uid,
      write_date: now,
    };
    checkRow(orm, model, row, Object.keys(model.fields));
    orm.store.put(model.name, row);
    applyDeferred(orm, model, id, deferred);
    model.afterCreate?.(orm, id, ctx);
    return id;
  });
}

export function writeRecords(orm: Orm, model: ModelDef, ids: readonly number[], vals: Vals): void {
  const { scalars, deferred } = splitVals(model, vals, false);
  const missing = ids.filter((id) => !orm.row(model.name, id));
  // Odoo names the first record it could not fetch (recorded: `res.partner(1213,)` for 1213, 1214).
  if (missing.length) throw missingError(model.name, missing.slice(0, 1), orm.uid);
  const now = orm.nowString();
  for (const id of ids) {
    const row: Row = { ...orm.row(model.name, id)!, ...scalars, write_uid: orm.uid, write_date: now };
    checkRow(orm, model, row, Object.keys(scalars));
    orm.store.put(model.name, row);
    applyDeferred(orm, model, id, deferred);
  }
  model.afterWrite?.(orm, ids, Object.keys(vals));
}

/** ondelete defaults to 'set null', or 'restrict' for a required many2one, like Odoo. */
function ondeleteOf(fd: FieldDef): 'set null' | 'cascade' | 'restrict' {
  return fd.ondelete ?? (fd.required ? 'restrict' : 'set null');
}

export function unlinkRecords(orm: Orm, model: ModelDef, ids: readonly number[]): void {
  const missing = ids.filter((id) => !orm.row(model.name, id));
  if (missing.length) throw missingError(model.name, missing, orm.uid);
  model.beforeUnlink?.(orm, ids);
  const doomed = new Set(ids);
  for (const id of ids) orm.store.remove(model.name, id);
  for (const other of orm.registry.all()) {
    for (const [fname, fd] of Object.entries(other.fields)) {
      if (fd.relation !== model.name || fd.compute || fd.related || AUTOMATIC_FIELDS.has(fname)) continue;
      if (fd.type === 'many2one') releaseMany2one(orm, other, fname, fd, doomed);
      else if (fd.type === 'many2many') releaseMany2many(orm, other, fname, doomed);
    }
  }
}

function releaseMany2one(orm: Orm, model: ModelDef, fname: string, fd: FieldDef, doomed: Set<number>): void {
  const referencing = [...orm.store.rows(model.name)].filter((r) => doomed.has(r[fname] as number));
  if (referencing.length === 0) return;
  const mode = ondeleteOf(fd);
  if (mode === 'restrict') {
    throw foreignKeyError(model.description, model.name, `${tableName(model.name)}_${fname}_fkey`);
  }
  if (mode === 'cascade') {
    const still = referencing.filter((r) => orm.row(model.name, r.id));
    if (still.length)
      unlinkRecords(
        orm,
        model,
        still.map((r) => r.id),
      );
    return;
  }
  for (const r of referencing) orm.store.put(model.name, { ...r, [fname]: false });
}

function releaseMany2many(orm: Orm, model: ModelDef, fname: string, doomed: Set<number>): void {
  for (const r of orm.store.rows(model.name)) {
    const list = r[fname];
    if (Array.isArray(list) && list.some((id) => doomed.has(id as number))) {
      orm.store.put(model.name, { ...r, [fname]: list.filter((id) => !doomed.has(id as number)) });
    }
  }
}
