/**
 * Express's parsed query string (the "extended" parser, qs) → a typed ListQuery. Only the shape of the
 * URL is checked here; whether the keys exist and the values fit their Odoo fields is the mapping
 * layer's job (src/mapping/list-query.ts), once the fields are known.
 */
import { ErrorDetail } from '../errors/gateway-error';
import { ListFilter, ListQuery, OrderTerm, invalidQuery } from '../mapping/list-query';

const RESERVED = new Set(['limit', 'offset', 'order', 'fields', 'updated_since']);

/** Throws a 400 InvalidQueryError naming every parameter whose shape is wrong. */
export function parseListQueryParams(query: Readonly<Record<string, unknown>>): ListQuery {
  const errors: ErrorDetail[] = [];
  const limit = parseInteger(query.limit, 'limit', errors);
  const offset = parseInteger(query.offset, 'offset', errors) ?? 0;
  const order = parseOrder(single(query.order, 'order', errors));
  const fields = fieldsParam(query, errors);
  const updatedSince = single(query.updated_since, 'updated_since', errors);
  const filters = filtersOf(query, errors);
  if (errors.length > 0) throw invalidQuery(errors);
  return {
    ...(limit !== undefined ? { limit } : {}),
    offset,
    order,
    ...(fields ? { fields } : {}),
    ...(updatedSince !== undefined ? { updatedSince } : {}),
    filters,
  };
}

/** `fields=a,b` of GET one: the keys to return; undefined when absent (every readable key). */
export function parseRecordQueryParams(
  query: Readonly<Record<string, unknown>>,
): readonly string[] | undefined {
  const errors: ErrorDetail[] = [];
  const fields = fieldsParam(query, errors);
  if (errors.length > 0) throw invalidQuery(errors);
  return fields;
}

function fieldsParam(query: Readonly<Record<string, unknown>>, errors: ErrorDetail[]): string[] | undefined {
  const text = single(query.fields, 'fields', errors);
  return text === undefined ? undefined : commaList(text);
}

/**
 * A reserved parameter's text: the last one when repeated (`limit=5&limit=10`). Anything the query
 * parser nested (`order[a]=x`, `order[1][b]=c`) is a 400, not a default and not a crash.
 */
export function single(value: unknown, name: string, errors: ErrorDetail[]): string | undefined {
  const last: unknown = Array.isArray(value) ? value[value.length - 1] : value;
  if (last === undefined || typeof last === 'string') return last;
  errors.push({ line_id: name, error: 'must be a single value' });
  return undefined;
}

/** Whole numbers only; a sign is read (the range is the endpoint's to judge), `2.5` or `abc` are not. */
export function parseInteger(value: unknown, name: string, errors: ErrorDetail[]): number | undefined {
  const text = single(value, name, errors);
  if (text === undefined || text === '') return undefined;
  if (!/^-?\d{1,9}$/.test(text)) {
    errors.push({ line_id: name, error: 'must be a non-negative integer' });
    return undefined;
  }
  return Number(text);
}

function commaList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function parseOrder(text: string | undefined): OrderTerm[] {
  return commaList(text ?? '').map((item) =>
    item.startsWith('-') ? { key: item.slice(1), descending: true } : { key: item, descending: false },
  );
}

/**
 * qs turns `price[gt]=5` into `{price: {gt: '5'}}`: each such entry is one filter with that operator,
 * so operators are never silently read as `price = "[object Object]"`. Anything nested deeper than one
 * operator is not a filter this API knows.
 */
function filtersOf(query: Readonly<Record<string, unknown>>, errors: ErrorDetail[]): ListFilter[] {
  const filters: ListFilter[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (RESERVED.has(key)) continue;
    const pairs: Array<[string, unknown]> =
      typeof raw === 'object' && raw !== null && !Array.isArray(raw)
        ? Object.entries(raw as Record<string, unknown>)
        : [['eq', raw]];
    for (const [operator, value] of pairs) {
      const values = filterValues(value);
      if (values) filters.push({ key, operator, values });
      else errors.push({ line_id: key, error: 'is not a filter (use key=v or key[op]=v)' });
    }
  }
  return filters;
}

/** A query value as texts (repeated parameters give several); null for anything nested deeper. */
function filterValues(value: unknown): string[] | null {
  if (value === undefined) return [''];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return null;
}
