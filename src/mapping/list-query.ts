/**
 * GET list query parameters → an Odoo search: `limit`, `offset`, `order`, `fields`, and typed filters
 * (`key=v`, `key[op]=v`) turned into a domain that is always ANDed with the endpoint's own domain.
 * Clients never send raw domains.
 */
import { EndpointDef, FieldLine } from '../config/types';
import { ErrorDetail } from '../errors/gateway-error';
import { FieldsCatalog, fieldMetaAt, fieldsOf } from './fields-catalog';
import { ModelFields, OdooFieldMeta, X2MANY_TYPES } from './odoo-field-meta';
import { isRealDate, isoToOdooDatetime } from './odoo-values';
import { isReadableLine } from './writable-lines';

export interface ListQuery {
  domain: unknown[];
  limit: number;
  offset: number;
  order?: string;
  keys?: Set<string>;
}

const RESERVED = new Set(['limit', 'offset', 'order', 'fields']);
const OPERATORS: Record<string, string> = {
  eq: '=',
  ne: '!=',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  like: 'like',
  ilike: 'ilike',
  in: 'in',
  nin: 'not in',
  null: 'null',
};

type QueryValue = string | string[] | undefined;

export function parseListQuery(
  endpoint: EndpointDef,
  query: Record<string, unknown>,
  catalog: FieldsCatalog,
): { query?: ListQuery; errors: ErrorDetail[] } {
  const fields = fieldsOf(catalog, endpoint.model);
  const errors: ErrorDetail[] = [];
  const limit = parseCount(query.limit, 'limit', endpoint.pageSize, errors);
  // Odoo reads `limit: 0` as "no limit": 0 would return every record, past max_page_size.
  if (limit < 1 || limit > endpoint.maxPageSize) {
    errors.push({ line_id: 'limit', error: `must be between 1 and ${endpoint.maxPageSize}` });
  }
  const offset = parseCount(query.offset, 'offset', 0, errors);
  const order = parseOrder(endpoint, single(query.order, 'order', errors), fields, errors);
  const keys = parseFieldsParam(endpoint, single(query.fields, 'fields', errors), errors);
  const filters: unknown[] = [];
  for (const [name, raw] of filterEntries(query, errors)) {
    const leaf = parseFilter(endpoint, name, raw, catalog, errors);
    if (leaf) filters.push(...leaf);
  }
  if (errors.length > 0) return { errors };
  // Odoo ANDs top-level terms implicitly, and a well-formed endpoint domain is whole terms, so appending
  // the filters ANDs them with all of it (['|', A, B] + [F] reads (A | B) & F).
  const domain = [...endpoint.domain, ...filters];
  return { query: { domain, limit, offset, order, keys }, errors };
}

/**
 * The app's "extended" query parser (qs) turns `price[gt]=5` into `{price: {gt: '5'}}`; this puts such
 * objects back to `price[gt]` names, so operators are not silently read as `price = "[object Object]"`.
 * Anything nested deeper than one operator is not a filter this API knows.
 */
function filterEntries(query: Record<string, unknown>, errors: ErrorDetail[]): Array<[string, QueryValue]> {
  const entries: Array<[string, QueryValue]> = [];
  for (const [name, raw] of Object.entries(query)) {
    if (RESERVED.has(name)) continue;
    const pairs: Array<[string, unknown]> =
      typeof raw === 'object' && raw !== null && !Array.isArray(raw)
        ? Object.entries(raw as Record<string, unknown>).map(([op, value]) => [`${name}[${op}]`, value])
        : [[name, raw]];
    for (const [filterName, value] of pairs) {
      const text = filterText(value);
      if (text === null) errors.push({ line_id: name, error: 'is not a filter (use key=v or key[op]=v)' });
      else entries.push([filterName, text]);
    }
  }
  return entries;
}

/** A query value as text (or repeated texts); null for anything nested deeper. */
function filterText(value: unknown): QueryValue | null {
  if (value === undefined || typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return null;
}

/**
 * A reserved parameter's text: the last one when repeated (`limit=5&limit=10`). Anything the query
 * parser nested (`order[a]=x`, `order[1][b]=c`) is a 400, not a default and not a crash.
 */
function single(value: unknown, name: string, errors: ErrorDetail[]): string | undefined {
  const last: unknown = Array.isArray(value) ? value[value.length - 1] : value;
  if (last === undefined || typeof last === 'string') return last;
  errors.push({ line_id: name, error: 'must be a single value' });
  return undefined;
}

function parseCount(value: unknown, name: string, fallback: number, errors: ErrorDetail[]): number {
  const text = single(value, name, errors);
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,9}$/.test(text)) {
    errors.push({ line_id: name, error: 'must be a non-negative integer' });
    return fallback;
  }
  return Number(text);
}

function readableLine(endpoint: EndpointDef, key: string): FieldLine | undefined {
  return endpoint.fields.find((line) => line.key === key && isReadableLine(line));
}

function parseOrder(
  endpoint: EndpointDef,
  text: string | undefined,
  fields: ModelFields,
  errors: ErrorDetail[],
) {
  if (!text) return undefined;
  const parts: string[] = [];
  for (const item of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const descending = item.startsWith('-');
    const key = descending ? item.slice(1) : item;
    const line = readableLine(endpoint, key);
    const field = line?.field;
    if (key === 'id' && !line) {
      parts.push(`id ${descending ? 'desc' : 'asc'}`);
      continue;
    }
    if (!line || !field || field.includes('.') || (field !== 'id' && !isSortable(fields[field]))) {
      errors.push({ line_id: key, error: 'cannot sort by this key' });
      continue;
    }
    parts.push(`${field} ${descending ? 'desc' : 'asc'}`);
  }
  if (parts.length === 0) return undefined;
  // A unique last key makes offset paging stable: on ties Odoo's row order may change between pages.
  if (!parts.some((part) => part.startsWith('id '))) parts.push('id asc');
  return parts.join(', ');
}

/** Odoo 18 has no column to sort an x2many by: it ignores such an order with a server-side warning. */
function isSortable(meta: OdooFieldMeta | undefined): boolean {
  return meta !== undefined && !X2MANY_TYPES.has(meta.type);
}

function parseFieldsParam(endpoint: EndpointDef, text: string | undefined, errors: ErrorDetail[]) {
  if (text === undefined) return undefined;
  const keys = new Set(
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );
  // An empty list would read `fields: []`, which Odoo answers with every field of the model.
  if (keys.size === 0) errors.push({ line_id: 'fields', error: 'must name at least one key' });
  for (const key of keys) {
    if (!readableLine(endpoint, key))
      errors.push({ line_id: key, error: 'is not a readable key of this endpoint' });
  }
  return keys;
}

function parseFilter(
  endpoint: EndpointDef,
  name: string,
  raw: QueryValue,
  catalog: FieldsCatalog,
  errors: ErrorDetail[],
): unknown[] | undefined {
  const match = /^([^[\]]+)(?:\[([a-z]+)\])?$/.exec(name);
  const key = match?.[1] ?? name;
  const op = match?.[2] ?? 'eq';
  const line = readableLine(endpoint, key);
  if (!match || !line || !line.field || line.compute !== undefined) {
    errors.push({ line_id: key, error: 'is not a filterable key of this endpoint' });
    return undefined;
  }
  // Own keys only: `name[constructor]=x` must not find Object.prototype.constructor.
  const operator = Object.hasOwn(OPERATORS, op) ? OPERATORS[op] : undefined;
  if (!operator) {
    errors.push({
      line_id: key,
      error: `unknown operator "${op}"; use one of ${Object.keys(OPERATORS).join(' ')}`,
    });
    return undefined;
  }
  const values = Array.isArray(raw) ? raw : [raw ?? ''];
  // `null` asks whether the relation is set at all: on the related value's path (`country_id.code`)
  // Odoo would only look at records that have a related record, and never find the empty ones.
  const path = line.relation && operator !== 'null' ? `${line.field}.${line.relation.match}` : line.field;
  // Typed by the field the path ends on: `customer_name` on `partner_id.name` is text, not an id.
  const meta = line.relation ? undefined : fieldMetaAt(catalog, endpoint.model, line.field);
  return values.map((text) => filterLeaf(path, operator, String(text), meta, key, errors));
}

function filterLeaf(
  path: string,
  operator: string,
  text: string,
  meta: OdooFieldMeta | undefined,
  key: string,
  errors: ErrorDetail[],
): unknown[] {
  if (operator === 'null') {
    if (text !== 'true' && text !== 'false') errors.push({ line_id: key, error: 'null takes true or false' });
    return [path, text === 'true' ? '=' : '!=', false];
  }
  if (operator === 'in' || operator === 'not in') {
    const items = text.split(',').map((item) => coerceFilterValue(item, meta, key, errors));
    return [path, operator, items];
  }
  // like/ilike search text inside the value, so a partial selection value is fine there.
  const typed = operator.includes('like') && meta?.type === 'selection' ? undefined : meta;
  return [path, operator, coerceFilterValue(text, typed, key, errors)];
}

/** Filter text → typed Odoo value by the field's Odoo type (`active=true` is a boolean, `qty[gt]=5` a number). */
export function coerceFilterValue(
  text: string,
  meta: OdooFieldMeta | undefined,
  key: string,
  errors: ErrorDetail[],
): unknown {
  const type = meta?.type;
  const fail = (what: string): string => {
    errors.push({ line_id: key, error: `must be ${what}` });
    return text;
  };
  switch (type) {
    case 'integer':
    case 'many2one':
      // Odoo integers and ids are int4: a larger value would only come back as a 502.
      return /^-?\d{1,10}$/.test(text) && Math.abs(Number(text)) <= 2_147_483_647
        ? Number(text)
        : fail('an integer');
    case 'float':
    case 'monetary':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : fail('a number');
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : fail('true or false');
    case 'date':
      return isRealDate(text) ? text : fail('a date (YYYY-MM-DD)');
    case 'datetime':
      return isoToOdooDatetime(text) ?? fail('an ISO 8601 datetime');
    case 'selection': {
      // A value outside the selection can match nothing: say which values exist instead.
      const values = (meta?.selection ?? []).map(([value]) => value);
      return values.length === 0 || values.includes(text) ? text : fail(`one of ${values.join(', ')}`);
    }
    default:
      if (type && X2MANY_TYPES.has(type)) return /^\d+$/.test(text) ? Number(text) : fail('an id');
      return text;
  }
}
