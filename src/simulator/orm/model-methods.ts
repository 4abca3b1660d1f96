/**
 * The public model methods reachable through `execute_kw`, with Python's argument binding (positional
 * then keyword, unexpected keywords and missing arguments are TypeErrors) and Odoo's `call_kw` split
 * between `@api.model` methods and record methods (whose first argument is the ids).
 */
import { accessError, attributeError, OdooFault, typeError, valueError } from './faults';
import type { ModelDef } from './field-types';
import { nameSearch } from './name-search';
import type { Orm } from './orm';
import { checkFieldNames, defaultGet, fieldsGet, readFieldList, readRows } from './read';
import { searchIds, searchRows } from './search';
import { createRecords, unlinkRecords, writeRecords } from './write';
import { pagination, REQUIRED, type Args, type MethodSpec } from './method-spec';
import { USER_METHODS } from './user-methods';
import { WEB_METHODS } from './web-methods';

const BASE_METHODS: Readonly<Record<string, MethodSpec>> = {
  search: {
    records: false,
    params: [
      ['domain', REQUIRED],
      ['offset', 0],
      ['limit', null],
      ['order', null],
    ],
    run: (orm, model, _ids, a) => searchIds(orm, model, a.domain, pagination(a)),
  },
  search_read: {
    records: false,
    params: [
      ['domain', null],
      ['fields', null],
      ['offset', 0],
      ['limit', null],
      ['order', null],
      ['load', '_classic_read'],
    ],
    run: (orm, model, _ids, a) => {
      const fields = readFieldList(model, a.fields);
      return readRows(orm, model, searchRows(orm, model, a.domain, pagination(a)), fields);
    },
  },
  search_count: {
    records: false,
    params: [
      ['domain', REQUIRED],
      ['limit', null],
    ],
    run: (orm, model, _ids, a) => {
      const count = searchRows(orm, model, a.domain, {
        offset: 0,
        limit: null,
        order: null,
        unsorted: true,
      }).length;
      return typeof a.limit === 'number' && a.limit > 0 ? Math.min(count, a.limit) : count;
    },
  },
  read: {
    records: true,
    params: [
      ['fields', null],
      ['load', '_classic_read'],
    ],
    run: (orm, model, ids, a) => {
      const fields = readFieldList(model, a.fields);
      const rows = ids.map((id) => orm.row(model.name, id)).filter((r) => r !== undefined);
      return readRows(orm, model, rows, fields);
    },
  },
  create: {
    records: false,
    params: [['vals_list', REQUIRED]],
    run: (orm, model, _ids, a) => {
      const many = Array.isArray(a.vals_list);
      const list = (many ? a.vals_list : [a.vals_list]) as unknown[];
      if (!list.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
        throw valueError('create() expects a dict or a list of dicts');
      }
      const ids = createRecords(orm, model, list as Args[]);
      return many ? ids : ids[0];
    },
  },
  write: {
    records: true,
    params: [['vals', REQUIRED]],
    run: (orm, model, ids, a) => {
      if (!a.vals || typeof a.vals !== 'object') throw valueError('write() expects a dict of values');
      writeRecords(orm, model, ids, a.vals as Args);
      return true;
    },
  },
  unlink: {
    records: true,
    params: [],
    run: (orm, model, ids) => {
      unlinkRecords(orm, model, ids);
      return true;
    },
  },
  fields_get: {
    records: false,
    params: [
      ['allfields', null],
      ['attributes', null],
    ],
    run: (_orm, model, _ids, a) => fieldsGet(model, a.allfields, a.attributes),
  },
  name_search: {
    records: false,
    params: [
      ['name', ''],
      ['domain', null],
      ['operator', 'ilike'],
      ['limit', 100],
    ],
    run: (orm, model, _ids, a) =>
      nameSearch(orm, model, String(a.name ?? ''), a.domain, String(a.operator), a.limit as number | null),
  },
  name_create: {
    records: false,
    params: [['name', REQUIRED]],
    run: (orm, model, _ids, a) => {
      const [id] = createRecords(orm, model, [{ [model.recName ?? 'name']: a.name }]);
      return [id, orm.displayName(model.name, id!)];
    },
  },
  check_access_rights: {
    records: false,
    params: [
      ['operation', REQUIRED],
      ['raise_exception', true],
    ],
    run: (_orm, _model, _ids, a) => {
      if (!['read', 'write', 'create', 'unlink'].includes(String(a.operation))) {
        throw valueError(`Invalid access mode: ${String(a.operation)}`);
      }
      return true;
    },
  },
  default_get: {
    records: false,
    params: [['fields_list', REQUIRED]],
    run: (orm, model, _ids, a) => {
      checkFieldNames(model, Array.isArray(a.fields_list) ? (a.fields_list as string[]) : []);
      return defaultGet(orm, model, a.fields_list);
    },
  },
  exists: {
    records: true,
    params: [],
    run: (orm, model, ids) => ids.filter((id) => orm.row(model.name, id)),
  },
  action_archive: { records: true, params: [], run: (orm, model, ids) => setActive(orm, model, ids, false) },
  action_unarchive: { records: true, params: [], run: (orm, model, ids) => setActive(orm, model, ids, true) },
};

/** Every public method of every model, by name. */
export const METHODS: Readonly<Record<string, MethodSpec>> = {
  ...BASE_METHODS,
  ...WEB_METHODS,
  ...USER_METHODS,
};

function setActive(orm: Orm, model: ModelDef, ids: number[], active: boolean): boolean {
  if (!model.fields.active)
    throw attributeError(`The method 'action_archive' does not exist on the model '${model.name}'`);
  writeRecords(orm, model, ids, { active });
  return true;
}

/** Odoo's models override create/write/unlink, so Python names the model's class in their errors. */
const OVERRIDDEN = new Set(['create', 'write', 'unlink']);

function className(model: ModelDef): string {
  return model.name
    .replace(/(^|\.)(\w)/g, (_m, _dot: string, c: string) => c.toUpperCase())
    .replace(/_/g, '');
}

function bind(model: ModelDef, name: string, spec: MethodSpec, args: unknown[], kwargs: Args): Args {
  const label = `${OVERRIDDEN.has(name) ? className(model) : 'BaseModel'}.${name}()`;
  const names = spec.params.map(([p]) => p);
  if (args.length > names.length) {
    throw typeError(
      `${label} takes ${names.length + 1} positional arguments but ${args.length + 1} were given`,
    );
  }
  const out: Args = {};
  args.forEach((v, k) => (out[names[k]!] = v));
  for (const [k, v] of Object.entries(kwargs)) {
    if (!names.includes(k)) throw typeError(`${label} got an unexpected keyword argument '${k}'`);
    if (k in out) throw typeError(`${label} got multiple values for argument '${k}'`);
    out[k] = v;
  }
  for (const [p, def] of spec.params) {
    if (p in out) continue;
    if (def === REQUIRED) throw typeError(`${label} missing 1 required positional argument: '${p}'`);
    out[p] = def;
  }
  return out;
}

export function toIds(value: unknown): number[] {
  if (value === false || value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => typeof v === 'number' && Number.isInteger(v))) {
    throw valueError(`Invalid record ids: ${JSON.stringify(value)}`);
  }
  return list as number[];
}

/** Checks done before the model is even looked up, as `odoo.service.model.execute` does. */
export function checkMethodName(method: string): void {
  if (method.startsWith('_'))
    throw accessError(`Private methods (such as ${method}) cannot be called remotely.`);
}

export function callModelMethod(
  orm: Orm,
  model: ModelDef,
  method: string,
  args: unknown[],
  kwargs: Args,
): unknown {
  const { context, ...rest } = kwargs;
  const env = context && typeof context === 'object' ? orm.withContext(context as Args) : orm;
  const action = model.actions?.[method];
  if (action) {
    if (args.length === 0) throw new OdooFault(1, 'builtins.IndexError', 'tuple index out of range');
    return action(env, toIds(args[0]));
  }
  const spec = METHODS[method];
  if (!spec) throw attributeError(`The method '${method}' does not exist on the model '${model.name}'`);
  if (!spec.records) return spec.run(env, model, [], bind(model, method, spec, args, rest));
  // call_kw does `ids, args = args[0], args[1:]`.
  if (args.length === 0) throw new OdooFault(1, 'builtins.IndexError', 'tuple index out of range');
  return spec.run(env, model, toIds(args[0]), bind(model, method, spec, args.slice(1), rest));
}
