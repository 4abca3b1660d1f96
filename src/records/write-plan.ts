/**
 * Deciding, before anything is written, what each item of a write is: which record it names, whether
 * it creates or updates (upsert), and which items fail early (bad identifier, duplicate in the batch,
 * conflict, not found). One `search_read` finds the existing records of the whole batch.
 */
import { EndpointDef } from '../config/types';
import { AmbiguousIdentifierError, ConflictError, NotFoundError, ValidationError } from '../errors/errors';
import { GatewayError } from '../errors/gateway-error';
import { WriteMode } from '../mapping/input-schema';
import { ModelFields } from '../mapping/odoo-field-meta';
import { OdooClient } from '../odoo/odoo-client';
import { findIdsByIdentifier, identifierOf, parseIdentifierValue } from './record-lookup';
import { OpenItem, WriteItem, failed, mapOpen, openItems, succeeded } from './write-item';
import { ResumeState } from './write-outcome';

export type WriteMethod = 'POST' | 'PUT';

export interface WriteInput {
  body: unknown;
  /** The record named in the URL (`PUT /{endpoint}/{id}`); else the identifier key of the body names it. */
  target?: unknown;
}

export function fixedMode(method: WriteMethod): WriteMode {
  return method === 'POST' ? 'create' : 'update';
}

export function initialItems(
  endpoint: EndpointDef,
  inputs: readonly WriteInput[],
  method: WriteMethod,
  fields: ModelFields,
  resume: ResumeState | undefined,
): WriteItem[] {
  return inputs.map((input, index): WriteItem => {
    const saved = resume?.saved.get(index);
    if (saved) return { index, settled: saved };
    if (!isObject(input.body)) return failed({ index }, new ValidationError('must be a JSON object'));
    const item: OpenItem = { index, body: input.body };
    if (method === 'PUT') return namedForUpdate(endpoint, item, input.target, fields);
    const { key, field } = identifierOf(endpoint);
    return field === 'id' ? item : { ...item, target: scalar(input.body[key]) };
  });
}

function namedForUpdate(
  endpoint: EndpointDef,
  item: OpenItem,
  target: unknown,
  fields: ModelFields,
): WriteItem {
  const ref = identifierOf(endpoint);
  const raw = target ?? item.body[ref.key];
  if (raw === undefined) {
    const error = 'is required to name the record to update';
    const details = [{ line_id: ref.key, error }];
    return failed(item, new ValidationError(`${ref.key}: ${error}`, { lineId: ref.key, details }));
  }
  let value: string | number;
  try {
    value = parseIdentifierValue(endpoint, raw, fields);
  } catch (error) {
    return failed(item, error as GatewayError);
  }
  if (ref.field !== 'id') return { ...item, target: value };
  // An Odoo id cannot change: a body naming another record than the URL is a mistake, not a rename.
  const bodyId = item.body.id;
  if (target !== undefined && bodyId !== undefined && String(bodyId) !== String(value)) {
    const error = `must be the id in the URL (${value}) or left out`;
    return failed(
      item,
      new ValidationError(`id: ${error}`, { lineId: 'id', details: [{ line_id: 'id', error }] }),
    );
  }
  return { ...item, body: withoutKey(item.body, 'id'), target: value };
}

/** The same record twice in one request would be created twice or written in an undefined order. */
export function failDuplicates(endpoint: EndpointDef, items: readonly WriteItem[]): WriteItem[] {
  const { key } = identifierOf(endpoint);
  const first = new Map<string, number>();
  return mapOpen(items, (item) => {
    if (item.target === undefined) return item;
    const seen = first.get(String(item.target));
    if (seen === undefined) {
      first.set(String(item.target), item.index);
      return item;
    }
    const message = `${key} ${JSON.stringify(item.target)} appears more than once in this request (first at index ${seen})`;
    return failed(item, new ConflictError(message, { lineId: key }));
  });
}

/** Looks up every named record (one `search_read`) and decides each item's create or update. */
export async function nameRecords(
  odoo: OdooClient,
  endpoint: EndpointDef,
  items: readonly WriteItem[],
  method: WriteMethod,
  resume: ResumeState | undefined,
  fields: ModelFields,
): Promise<WriteItem[]> {
  const values = openItems(items).flatMap((item) => (item.target === undefined ? [] : [item.target]));
  const found = await findIdsByIdentifier(odoo, endpoint, values, fields);
  return mapOpen(items, (item) => {
    const all = item.target === undefined ? [] : (found.ids.get(String(item.target)) ?? []);
    // An active record wins over archived ones with the same value (archived, then created anew by hand).
    const active = all.filter((id) => !found.archived.has(id));
    const ids = active.length > 0 ? active : all;
    const lost = resume?.unknown.get(item.index) ?? (resume?.everyItemLost ? fixedMode(method) : undefined);
    return decide(endpoint, method, item, ids, lost, found.archived);
  });
}

/**
 * Create or update, from the ids found for the item's identifier value. `lostWrite` is the write an
 * earlier attempt under the same Idempotency-Key sent without getting an answer.
 */
export function decide(
  endpoint: EndpointDef,
  method: WriteMethod,
  item: OpenItem,
  ids: readonly number[],
  lostWrite: WriteMode | undefined,
  archived: ReadonlySet<number> = new Set(),
): WriteItem {
  const { key } = identifierOf(endpoint);
  const [id, another] = ids;
  const named = `${key} ${JSON.stringify(item.target)}`;
  if (id !== undefined && another !== undefined) {
    const message = `${named} matches several ${endpoint.name} records; make it unique in Odoo`;
    return failed(item, new AmbiguousIdentifierError(message, { lineId: key }));
  }
  if (id !== undefined && archived.has(id)) return archivedRecord(endpoint, item, id, named);
  if (id !== undefined) {
    // The lost create did happen: report it as this request's creation rather than write it again.
    if (lostWrite === 'create') return succeeded(item, id, true);
    if (method === 'PUT' || endpoint.upsert) return { ...item, mode: 'update', existingId: id };
    return failed(
      item,
      new ConflictError(`A ${endpoint.name} record with ${named} already exists`, { lineId: key }),
    );
  }
  if (method === 'POST') return createUnlessLost(item, lostWrite);
  if (!endpoint.upsert || key === 'id') {
    return failed(item, new NotFoundError(`No ${endpoint.name} record with ${named}`, { lineId: key }));
  }
  return { ...item, mode: 'create', body: { ...item.body, [key]: item.target } };
}

/**
 * A record DELETE archived (or archived in Odoo): an upsert endpoint brings it back with the body's
 * values; any other endpoint answers 409 naming it, rather than creating a second record beside it.
 */
function archivedRecord(endpoint: EndpointDef, item: OpenItem, id: number, named: string): WriteItem {
  if (endpoint.upsert) return { ...item, mode: 'update', existingId: id, reactivate: true };
  const message =
    `A ${endpoint.name} record with ${named} exists but is archived (Odoo id ${id}); ` +
    'restore it in Odoo, or send another value';
  return failed(item, new ConflictError(message, { lineId: identifierOf(endpoint).key }));
}

function createUnlessLost(item: OpenItem, lostWrite: WriteMode | undefined): WriteItem {
  if (lostWrite === 'create' && item.target === undefined) {
    // Without an identifier nothing tells whether the lost create happened: creating again could duplicate.
    const message =
      'An earlier attempt with this Idempotency-Key may have created this record, and this endpoint has no ' +
      'record identifier to check it by; look in Odoo before sending it again with a new key';
    return failed(item, new ConflictError(message));
  }
  return { ...item, mode: 'create' };
}

function scalar(value: unknown): string | number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutKey(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...body };
  delete copy[key];
  return copy;
}
