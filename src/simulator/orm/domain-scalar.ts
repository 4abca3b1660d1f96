/**
 * Domain leaves on scalar fields (char, numbers, dates, selections, booleans, many2one ids), with
 * PostgreSQL's NULL semantics as Odoo's SQL gives them: `!=`, `not in` and `not like` match empty
 * values, ordering comparisons never do, and `= False` matches NULL and the empty string alike.
 */
import { pyRepr } from '../wire/py-repr';
import { formatDatetime } from '../wire/xmlrpc-serializer';
import { NUMERIC, TEXTUAL, type FieldDef, type Row } from './field-types';

type Predicate = (row: Row) => boolean;
const ALWAYS: Predicate = () => true;
const NEVER: Predicate = () => false;

const isEmpty = (v: unknown): boolean => v === false || v === null || v === undefined;

function normalizeFor(fd: FieldDef, value: unknown): unknown {
  if (value instanceof Date) return formatDatetime(value);
  if (fd.type === 'datetime' && typeof value === 'string' && value.length === 10) return `${value} 00:00:00`;
  if (NUMERIC.has(fd.type) && typeof value === 'string' && value.trim() !== '') return Number(value);
  return value;
}

export function compileScalar(
  get: (row: Row) => unknown,
  fd: FieldDef,
  op: string,
  rawValue: unknown,
): Predicate {
  const textual = TEXTUAL.has(fd.type);
  const isNull = textual ? (v: unknown) => isEmpty(v) || v === '' : isEmpty;
  if (fd.type === 'boolean' && (op === '=' || op === '!=' || op === 'in' || op === 'not in')) {
    const wanted = new Set((Array.isArray(rawValue) ? rawValue : [rawValue]).map(Boolean));
    const inSet = (row: Row): boolean => wanted.has(Boolean(get(row)));
    return op === '=' || op === 'in' ? inSet : (row) => !inSet(row);
  }
  const value = Array.isArray(rawValue)
    ? rawValue.map((v) => normalizeFor(fd, v))
    : normalizeFor(fd, rawValue);
  switch (op) {
    case '=?':
      return isEmpty(value) ? ALWAYS : compileScalar(get, fd, '=', rawValue);
    case '=':
      if (isEmpty(value)) return (row) => isNull(get(row));
      return (row) => get(row) === value;
    case '!=':
      if (isEmpty(value)) return (row) => !isNull(get(row));
      return (row) => isNull(get(row)) || get(row) !== value;
    case 'in':
    case 'not in': {
      const list = Array.isArray(value) ? value : [value];
      const set = new Set(list.filter((v) => !isEmpty(v)));
      const withNull = list.some(isEmpty);
      const inList = (row: Row): boolean => {
        const v = get(row);
        return isNull(v) ? withNull : set.has(v);
      };
      return op === 'in' ? inList : (row) => !inList(row);
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compileRange(get, isNull, op, value);
    default:
      return compileLike(get, isNull, op, value);
  }
}

function compileRange(
  get: (row: Row) => unknown,
  isNull: (v: unknown) => boolean,
  op: string,
  value: unknown,
) {
  if (isEmpty(value)) return NEVER;
  return (row: Row): boolean => {
    const v = get(row);
    if (isNull(v)) return false;
    const a = v as number | string;
    const b = value as number | string;
    if (op === '<') return a < b;
    if (op === '<=') return a <= b;
    if (op === '>') return a > b;
    return a >= b;
  };
}

/** SQL LIKE pattern to RegExp: `%` any run, `_` one character, backslash escapes. */
export function likeToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let source = '';
  for (let k = 0; k < pattern.length; k++) {
    const ch = pattern[k]!;
    if (ch === '\\' && k + 1 < pattern.length) source += escapeRegExp(pattern[++k]!);
    else if (ch === '%') source += '.*';
    else if (ch === '_') source += '.';
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

function compileLike(
  get: (row: Row) => unknown,
  isNull: (v: unknown) => boolean,
  op: string,
  value: unknown,
) {
  const text = isEmpty(value) ? '' : typeof value === 'string' ? value : pyRepr(value);
  const exact = op.startsWith('=');
  const re = likeToRegExp(exact ? text : `%${text}%`, op.includes('ilike'));
  const negative = op.startsWith('not');
  return (row: Row): boolean => {
    const v = get(row);
    if (isNull(v)) return negative;
    const matched = re.test(typeof v === 'string' ? v : String(v));
    return negative ? !matched : matched;
  };
}
