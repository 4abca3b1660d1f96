/**
 * Odoo domains compiled to row predicates: prefix `& | !`, implicit AND, every comparison operator,
 * dotted paths (any-match through many2one and x2many), `any`/`not any`, child_of/parent_of, and the
 * implicit `active = True` unless the domain names `active`. SQL's NULL rules are kept where a client
 * can see them: `!=`, `not in`, `not like` match empty values, `<`/`>` never do.
 */
import { pyRepr, pyTuple } from '../wire/py-repr';
import { valueError } from './faults';
import { X2MANY, type FieldDef, type ModelDef, type Row } from './field-types';
import { compileScalar } from './domain-scalar';
import { hierarchyIds, nameSearchIds } from './name-search';
import type { Orm } from './orm';

export type Predicate = (row: Row) => boolean;

const OPERATORS = new Set([
  '=', '!=', '<=', '<', '>', '>=', '=?', '=like', '=ilike', 'like', 'not like', 'ilike',
  'not ilike', 'in', 'not in', 'child_of', 'parent_of', 'any', 'not any',
]); // prettier-ignore
const NEGATIVE = new Set(['!=', 'not like', 'not ilike', 'not in', 'not any']);
const ALWAYS: Predicate = () => true;
const NEVER: Predicate = () => false;

export function compileDomain(
  orm: Orm,
  model: ModelDef,
  domain: unknown,
  activeTest = orm.activeTest,
): Predicate {
  if (domain === false || domain === null || domain === undefined) domain = [];
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${pyRepr(domain)}`);
  let pos = 0;
  const parse = (): Predicate => {
    if (pos >= domain.length) throw valueError(`Invalid domain: ${pyRepr(domain)}`);
    const item: unknown = domain[pos++];
    if (item === '&' || item === '|') {
      const a = parse();
      const b = parse();
      return item === '&' ? (r) => a(r) && b(r) : (r) => a(r) || b(r);
    }
    if (item === '!') {
      const a = parse();
      return (r) => !a(r);
    }
    return compileLeaf(orm, model, item);
  };
  const parts: Predicate[] = [];
  while (pos < domain.length) parts.push(parse());
  const namesActive = domain.some((item) => Array.isArray(item) && item[0] === 'active');
  if (activeTest && model.fields.active && !namesActive) parts.push((row) => row.active !== false);
  if (parts.length === 0) return ALWAYS;
  if (parts.length === 1) return parts[0]!;
  return (row) => {
    for (const part of parts) if (!part(row)) return false;
    return true;
  };
}

function compileLeaf(orm: Orm, model: ModelDef, item: unknown): Predicate {
  if (!Array.isArray(item) || item.length !== 3) throw valueError(`Invalid leaf ${pyRepr(item)}`);
  const [left, rawOp, value] = item as [unknown, unknown, unknown];
  if ((left === 1 || left === 0) && rawOp === '=' && value === 1) return left === 1 ? ALWAYS : NEVER;
  let op = typeof rawOp === 'string' ? rawOp.toLowerCase() : '';
  if (op === '<>') op = '!=';
  if (op === '==') op = '=';
  if (typeof left !== 'string' || !OPERATORS.has(op)) throw valueError(`Invalid leaf ${pyTuple(item)}`);
  const [fname, ...rest] = left.split('.');
  const fd = model.fields[fname!];
  if (!fd) throw valueError(`Invalid field ${model.name}.${fname} in leaf ${pyTuple(item)}`);
  if (rest.length > 0) {
    if (!fd.relation) throw valueError(`Invalid field ${model.name}.${left} in leaf ${pyTuple(item)}`);
    return compileAny(orm, model, fname!, fd, [[rest.join('.'), op, value]], false);
  }
  if (op === 'any' || op === 'not any') {
    if (!fd.relation) throw valueError(`Invalid leaf ${pyTuple(item)}`);
    return compileAny(orm, model, fname!, fd, value, op === 'not any');
  }
  if (op === 'child_of' || op === 'parent_of') {
    const comodel = fd.relation ?? (fname === 'id' ? model.name : undefined);
    if (!comodel) throw valueError(`Invalid leaf ${pyTuple(item)}`);
    const ids = hierarchyIds(orm, orm.model(comodel), value, op);
    return compileIdSet(orm, model, fname!, fd, ids, false);
  }
  if (fd.relation && (isTextual(value) || op.includes('like'))) {
    const negative = NEGATIVE.has(op);
    const positiveOp = negative ? positiveOf(op) : op;
    const ids = nameSearchIds(orm, orm.model(fd.relation), positiveOp, value);
    return compileIdSet(orm, model, fname!, fd, ids, negative);
  }
  if (X2MANY.has(fd.type)) return compileX2manyLeaf(orm, model, fname!, op, value);
  return compileScalar(orm.getter(model, fname!), fd, op, value);
}

function positiveOf(op: string): string {
  return op === '!=' ? '=' : op === 'not in' ? 'in' : op.replace('not ', '');
}

function isTextual(value: unknown): boolean {
  if (typeof value === 'string') return true;
  return Array.isArray(value) && value.some((v) => typeof v === 'string');
}

/** Any related record matches the subdomain (`country_id.code = BE`, `child_ids any [...]`). */
function compileAny(
  orm: Orm,
  model: ModelDef,
  fname: string,
  fd: FieldDef,
  subdomain: unknown,
  negate: boolean,
): Predicate {
  const comodel = orm.model(fd.relation!);
  const many2one = fd.type === 'many2one';
  // Odoo searches the comodel of a many2one path without active_test; x2many keep it.
  const sub = compileDomain(orm, comodel, subdomain, many2one ? false : orm.activeTest);
  const getter = orm.getter(model, fname);
  const test = (id: number): boolean => {
    const target = orm.row(comodel.name, id);
    return target !== undefined && sub(target);
  };
  const match: Predicate = many2one
    ? (row) => {
        const id = getter(row);
        return typeof id === 'number' && test(id);
      }
    : (row) => orm.x2manyIds(model, row, fname).some(test);
  return negate ? (row) => !match(row) : match;
}

function compileIdSet(
  orm: Orm,
  model: ModelDef,
  fname: string,
  fd: FieldDef,
  ids: ReadonlySet<number>,
  negate: boolean,
): Predicate {
  let match: Predicate;
  if (X2MANY.has(fd.type)) match = (row) => orm.x2manyIds(model, row, fname).some((id) => ids.has(id));
  else {
    const getter = orm.getter(model, fname);
    match = (row) => {
      const v = getter(row);
      return typeof v === 'number' && ids.has(v);
    };
  }
  return negate ? (row) => !match(row) : match;
}

function compileX2manyLeaf(orm: Orm, model: ModelDef, fname: string, op: string, value: unknown): Predicate {
  const ids = (row: Row): number[] => orm.x2manyIds(model, row, fname);
  const wanted = new Set((Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'number'));
  const empty = value === false || value === null || (Array.isArray(value) && value.length === 0);
  switch (op) {
    case '=':
    case 'in':
    case '=?':
      if (op === '=?' && empty) return ALWAYS;
      if (empty) return (row) => ids(row).length === 0;
      return (row) => ids(row).some((id) => wanted.has(id));
    case '!=':
    case 'not in':
      if (empty) return (row) => ids(row).length > 0;
      return (row) => !ids(row).some((id) => wanted.has(id));
    default:
      throw valueError(`Invalid leaf ${pyTuple([fname, op, value])}`);
  }
}
