/**
 * A typed GET list query (parsed from the URL by src/http/list-query-params.ts) → an Odoo search:
 * keys checked against the endpoint, filters typed by their Odoo field into a domain that is always
 * ANDed with the endpoint's own domain. Clients never send raw domains.
 */
import { EndpointDef, FieldLine } from '../config/types';
import { InvalidQueryError } from '../errors/errors';
import { ErrorDetail } from '../errors/gateway-error';
import { FieldsCatalog, fieldMetaAt, fieldsOf, linePath } from './fields-catalog';
import { ModelFields, OdooFieldMeta, X2MANY_TYPES } from './odoo-field-meta';
import { isRealDate, isoToOdooDatetime } from './odoo-values';
import { isReadableLine } from './writable-lines';

/** `-name` in `order=`. */
export interface OrderTerm {
  key: string;
  descending: boolean;
}

/** `key=v` (operator `eq`), `key[op]=v`; repeated parameters give several values. */
export interface ListFilter {
  key: string;
  operator: string;
  values: readonly string[];
}

/** What a GET list asked for, in the API's own words (external keys), not yet checked against the endpoint. */
export interface ListQuery {
  /** Absent: the endpoint's page_size. */
  limit?: number;
  offset: number;
  /** Empty: Odoo's default order. */
  order: readonly OrderTerm[];
  /** Absent: every readable key. */
  fields?: readonly string[];
  /** `updated_since`: only records Odoo changed at or after this ISO 8601 time (`write_date`). */
  updatedSince?: string;
  filters: readonly ListFilter[];
}

/** The Odoo search a ListQuery comes to. */
export interface ListSearch {
  domain: unknown[];
  limit: number;
  offset: number;
  order?: string;
  /** The external keys to render; all readable keys when absent. */
  keys?: ReadonlySet<string>;
}

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

/** One 400 naming every problem (the first one in the message). */
export function invalidQuery(errors: readonly ErrorDetail[]): InvalidQueryError {
  const first = errors[0];
  return new InvalidQueryError(first?.line_id ? `${first.line_id}: ${first.error}` : 'invalid query', {
    lineId: first?.line_id ?? null,
    details: [...errors],
  });
}

/** Checks the query against the endpoint and its Odoo fields; every problem at once, as one 400. */
export function toListSearch(endpoint: EndpointDef, query: ListQuery, catalog: FieldsCatalog): ListSearch {
  const fields = fieldsOf(catalog, endpoint.model);
  const errors: ErrorDetail[] = [];
  const limit = query.limit ?? endpoint.pageSize;
  // Odoo reads `limit: 0` as "no limit": 0 would return every record, past max_page_size.
  if (limit < 1 || limit > endpoint.maxPageSize) {
    errors.push({ line_id: 'limit', error: `must be between 1 and ${endpoint.maxPageSize}` });
  }
  if (query.offset < 0) errors.push({ line_id: 'offset', error: 'must be a non-negative integer' });
  const changed = query.updatedSince === undefined ? [] : changedSince(query.updatedSince, errors);
  const order =
    query.order.length === 0 && changed.length > 0
      ? CHANGE_ORDER
      : orderOf(endpoint, query.order, fields, errors);
  const keys = query.fields ? keysOf(endpoint, query.fields, errors) : undefined;
  const filters = query.filters.flatMap((filter) => filterLeaves(endpoint, filter, catalog, errors));
  if (errors.length > 0) throw invalidQuery(errors);
  // Odoo ANDs top-level terms implicitly, and a well-formed endpoint domain is whole terms, so appending
  // the filters ANDs them with all of it (['|', A, B] + [F] reads (A | B) & F).
  const domain = [...endpoint.domain, ...changed, ...filters];
  return { domain, limit, offset: query.offset, order, keys };
}

/**
 * A sync client pages through what changed by offset, while the records keep changing. By `id` a
 * record edited during the sync keeps its place (it still matches: its write_date only grew), so no
 * page skips or repeats one. By `write_date` an edited record would jump to the end and shift every
 * later record one place back, so the next page would skip one (docs/api-decisions.md).
 */
const CHANGE_ORDER = 'id asc';

/**
 * `write_date >= t`: at or after, not after. Odoo keeps write_date to the microsecond but answers it to
 * the second, so a client resuming from the last write_date it saw must not miss that second's writes.
 */
function changedSince(text: string, errors: ErrorDetail[]): unknown[] {
  const since = isoToOdooDatetime(text);
  if (since !== undefined) return [['write_date', '>=', since]];
  errors.push({ line_id: 'updated_since', error: 'must be an ISO 8601 time such as 2026-01-31T10:15:00Z' });
  return [];
}

/** `fields=` of GET one, checked against the endpoint: the keys to render (a 400 for unknown ones). */
export function recordKeys(endpoint: EndpointDef, names: readonly string[]): ReadonlySet<string> {
  const errors: ErrorDetail[] = [];
  const keys = keysOf(endpoint, names, errors);
  if (errors.length > 0) throw invalidQuery(errors);
  return keys;
}

function readableLine(endpoint: EndpointDef, key: string): FieldLine | undefined {
  return endpoint.fields.find((line) => line.key === key && isReadableLine(line));
}

function orderOf(
  endpoint: EndpointDef,
  terms: readonly OrderTerm[],
  fields: ModelFields,
  errors: ErrorDetail[],
): string | undefined {
  const parts: string[] = [];
  for (const { key, descending } of terms) {
    const line = readableLine(endpoint, key);
    const direction = descending ? 'desc' : 'asc';
    if (key === 'id' && !line) {
      parts.push(`id ${direction}`);
      continue;
    }
    const path = line ? linePath(line) : [];
    const field = path[0];
    if (!field || path.length > 1 || (field !== 'id' && !isSortable(fields[field]))) {
      errors.push({ line_id: key, error: 'cannot sort by this key' });
      continue;
    }
    parts.push(`${field} ${direction}`);
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

function keysOf(endpoint: EndpointDef, names: readonly string[], errors: ErrorDetail[]): Set<string> {
  const keys = new Set(names);
  // An empty list would read `fields: []`, which Odoo answers with every field of the model.
  if (keys.size === 0) errors.push({ line_id: 'fields', error: 'must name at least one key' });
  for (const key of keys) {
    if (!readableLine(endpoint, key))
      errors.push({ line_id: key, error: 'is not a readable key of this endpoint' });
  }
  return keys;
}

function filterLeaves(
  endpoint: EndpointDef,
  { key, operator: op, values }: ListFilter,
  catalog: FieldsCatalog,
  errors: ErrorDetail[],
): unknown[] {
  const line = readableLine(endpoint, key);
  if (!line || !line.field || line.compute !== undefined) {
    errors.push({ line_id: key, error: 'is not a filterable key of this endpoint' });
    return [];
  }
  // Own keys only: `name[constructor]=x` must not find Object.prototype.constructor.
  const operator = Object.hasOwn(OPERATORS, op) ? OPERATORS[op] : undefined;
  if (!operator) {
    errors.push({
      line_id: key,
      error: `unknown operator "${op}"; use one of ${Object.keys(OPERATORS).join(' ')}`,
    });
    return [];
  }
  // `null` asks whether the relation is set at all: on the related value's path (`country_id.code`)
  // Odoo would only look at records that have a related record, and never find the empty ones.
  const path = line.relation && operator !== 'null' ? `${line.field}.${line.relation.match}` : line.field;
  // Typed by the field the path ends on: `customer_name` on `partner_id.name` is text, not an id.
  const meta = line.relation ? undefined : fieldMetaAt(catalog, endpoint.model, linePath(line));
  return values.map((text) => filterLeaf(path, operator, text, meta, key, errors));
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
