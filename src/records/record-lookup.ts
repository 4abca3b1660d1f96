/**
 * Finding records by the endpoint's record identifier (`{id}` in URLs): the Odoo id by default, or a
 * mapped field such as `ref`. Always inside the endpoint's domain; several matches are a 409, never a
 * silent pick.
 */
import { EndpointDef } from '../config/types';
import { AmbiguousIdentifierError, NotFoundError, ValidationError } from '../errors/errors';
import { ModelFields } from '../mapping/odoo-field-meta';
import { INT32_MAX } from '../mapping/odoo-values';
import { OdooRecord } from '../mapping/from-odoo';
import { OdooClient } from '../odoo/odoo-client';
import { odooModel } from '../odoo/odoo-model';

export interface IdentifierRef {
  key: string;
  field: string;
}

export function identifierOf(endpoint: EndpointDef): IdentifierRef {
  const line = endpoint.identifier;
  return line?.field ? { key: line.key, field: line.field } : { key: 'id', field: 'id' };
}

/** URL or query text → a value typed by the identifier's Odoo field (`/partners/abc` on an integer is a 400). */
export function parseIdentifierValue(
  endpoint: EndpointDef,
  raw: unknown,
  fields: ModelFields,
): string | number {
  const { key, field } = identifierOf(endpoint);
  const type = field === 'id' ? 'integer' : fields[field]?.type;
  if (type === 'integer' || type === 'many2one') {
    const text = typeof raw === 'number' ? String(raw) : raw;
    // Odoo ids are int4: a larger one would reach PostgreSQL and come back as a 502 (or a 404 on PUT).
    if (
      typeof text !== 'string' ||
      !/^\d{1,10}$/.test(text) ||
      Number(text) < 1 ||
      Number(text) > INT32_MAX
    ) {
      const error = `must be a positive integer up to ${INT32_MAX}`;
      throw new ValidationError(`${key}: ${error}`, { lineId: key, details: [{ line_id: key, error }] });
    }
    return Number(text);
  }
  if ((typeof raw !== 'string' && typeof raw !== 'number') || String(raw) === '') {
    throw new ValidationError(`${key}: must not be empty`, {
      lineId: key,
      details: [{ line_id: key, error: 'must not be empty' }],
    });
  }
  return typeof raw === 'number' && (type === 'float' || type === 'monetary') ? raw : String(raw);
}

/** The endpoint's domain narrowed to one identifier value. */
export function identifierDomain(endpoint: EndpointDef, value: string | number): unknown[] {
  return [...endpoint.domain, [identifierOf(endpoint).field, '=', value]];
}

/** The one record with this identifier value inside the endpoint's domain, reading `fields`. */
export async function findOneRecord(
  odoo: OdooClient,
  endpoint: EndpointDef,
  value: string | number,
  fields: readonly string[],
): Promise<OdooRecord> {
  const records = await odooModel(odoo, endpoint.model, endpoint.context).searchRead<OdooRecord>(
    identifierDomain(endpoint, value),
    { fields, limit: 2 },
  );
  return theOneRecord(endpoint, value, records);
}

/** The only record of a search by identifier (searched with limit 2): none is a 404, two a 409. */
export function theOneRecord<T>(endpoint: EndpointDef, value: string | number, records: readonly T[]): T {
  const { key } = identifierOf(endpoint);
  const [first, second] = records;
  if (!first) {
    throw new NotFoundError(`No ${endpoint.name} record with ${key} ${JSON.stringify(value)}`, {
      lineId: key,
    });
  }
  if (second) {
    throw new AmbiguousIdentifierError(
      `${key} ${JSON.stringify(value)} matches several ${endpoint.name} records; make it unique in Odoo`,
      { lineId: key },
    );
  }
  return first;
}

export interface IdentifierMatches {
  /** Ids by identifier value, lowest first. */
  ids: Map<string, number[]>;
  /** The ids among them that are archived (`active = false`). */
  archived: Set<number>;
}

/**
 * Ids of existing records for each identifier value, in one `search_read` (batches, upsert,
 * conflicts). Archived records count: a write must not create a second record beside one that
 * DELETE archived (`fields` tells whether the model has `active`).
 */
export async function findIdsByIdentifier(
  odoo: OdooClient,
  endpoint: EndpointDef,
  values: readonly (string | number)[],
  fields: ModelFields,
): Promise<IdentifierMatches> {
  const { field } = identifierOf(endpoint);
  const found: IdentifierMatches = { ids: new Map(), archived: new Set() };
  if (values.length === 0) return found;
  const hasActive = fields.active?.type === 'boolean';
  const context = { ...endpoint.context, active_test: false };
  const records = await odooModel(odoo, endpoint.model, context).searchRead<OdooRecord>(
    [...endpoint.domain, [field, 'in', [...new Set(values)]]],
    { fields: [...new Set([field, ...(hasActive ? ['active'] : [])])], order: 'id' },
  );
  for (const record of records) {
    const key = String(record[field]);
    found.ids.set(key, [...(found.ids.get(key) ?? []), record.id as number]);
    if (hasActive && record.active === false) found.archived.add(record.id as number);
  }
  return found;
}
