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
import { IdentifierRef, identifierOf, parseIdentifierValue } from './record-lookup';
import { ItemOutcome, ResumeState } from './write-outcome';

export type WriteMethod = 'POST' | 'PUT';

export interface WriteInput {
  body: unknown;
  /** The record named in the URL (`PUT /{endpoint}/{id}`); else the identifier key of the body names it. */
  target?: unknown;
}

export interface PlanItem {
  index: number;
  /** What is validated and mapped (for PUT by Odoo id: the body without `id`). */
  body: unknown;
  /** The identifier value naming the record, typed by its Odoo field. */
  target?: string | number;
  mode?: WriteMode;
  existingId?: number;
  vals?: Record<string, unknown>;
  /** Set once the item is settled: failed early, reused from an earlier attempt, or written. */
  outcome?: ItemOutcome;
}

export function fixedMode(method: WriteMethod): WriteMode {
  return method === 'POST' ? 'create' : 'update';
}

export function fail(item: PlanItem, error: GatewayError, unknown?: WriteMode): void {
  item.outcome = { index: item.index, ok: false, error, ...(unknown ? { unknown } : {}) };
}

export function open(items: readonly PlanItem[]): PlanItem[] {
  return items.filter((item) => item.outcome === undefined);
}

export function initialItems(
  endpoint: EndpointDef,
  inputs: readonly WriteInput[],
  method: WriteMethod,
  fields: ModelFields,
  resume: ResumeState | undefined,
): PlanItem[] {
  const ref = identifierOf(endpoint);
  return inputs.map((input, index) => {
    const item: PlanItem = { index, body: input.body };
    const saved = resume?.saved.get(index);
    if (saved) item.outcome = saved;
    else if (!isObject(input.body)) fail(item, new ValidationError('must be a JSON object'));
    else if (method === 'PUT') nameUpdateTarget(endpoint, ref, item, input, fields);
    else if (ref.field !== 'id') item.target = scalar(input.body[ref.key]);
    return item;
  });
}

function nameUpdateTarget(
  endpoint: EndpointDef,
  ref: IdentifierRef,
  item: PlanItem,
  input: WriteInput,
  fields: ModelFields,
): void {
  const body = input.body as Record<string, unknown>;
  const raw = input.target ?? body[ref.key];
  if (raw === undefined) {
    const error = 'is required to name the record to update';
    fail(
      item,
      new ValidationError(`${ref.key}: ${error}`, {
        lineId: ref.key,
        details: [{ line_id: ref.key, error }],
      }),
    );
    return;
  }
  try {
    item.target = parseIdentifierValue(endpoint, raw, fields);
  } catch (error) {
    fail(item, error as GatewayError);
    return;
  }
  if (ref.field === 'id') item.body = withoutKey(body, 'id');
}

/** The same record twice in one request would be created twice or written in an undefined order. */
export function failDuplicates(endpoint: EndpointDef, items: readonly PlanItem[]): void {
  const { key } = identifierOf(endpoint);
  const first = new Map<string, number>();
  for (const item of items) {
    if (item.target === undefined) continue;
    const seen = first.get(String(item.target));
    if (seen === undefined) {
      first.set(String(item.target), item.index);
      continue;
    }
    const message = `${key} ${JSON.stringify(item.target)} appears more than once in this request (first at index ${seen})`;
    fail(item, new ConflictError(message, { lineId: key }));
  }
}

/**
 * Create or update, from the ids found for the item's identifier value. `lostWrite` is the write an
 * earlier attempt under the same Idempotency-Key sent without getting an answer.
 */
export function decide(
  endpoint: EndpointDef,
  method: WriteMethod,
  item: PlanItem,
  ids: readonly number[],
  lostWrite: WriteMode | undefined,
): void {
  const { key } = identifierOf(endpoint);
  const [id, another] = ids;
  const named = `${key} ${JSON.stringify(item.target)}`;
  if (id !== undefined && another !== undefined) {
    const message = `${named} matches several ${endpoint.name} records; make it unique in Odoo`;
    return fail(item, new AmbiguousIdentifierError(message, { lineId: key }));
  }
  if (id !== undefined) {
    // The lost create did happen: report it as this request's creation rather than write it again.
    if (lostWrite === 'create') item.outcome = { index: item.index, ok: true, id, created: true };
    else if (method === 'PUT' || endpoint.upsert) Object.assign(item, { mode: 'update', existingId: id });
    else
      fail(
        item,
        new ConflictError(`A ${endpoint.name} record with ${named} already exists`, { lineId: key }),
      );
    return;
  }
  if (method === 'POST') return createUnlessLost(endpoint, item, lostWrite);
  if (!endpoint.upsert || key === 'id') {
    return fail(item, new NotFoundError(`No ${endpoint.name} record with ${named}`, { lineId: key }));
  }
  item.mode = 'create';
  item.body = { ...(item.body as Record<string, unknown>), [key]: item.target };
}

function createUnlessLost(endpoint: EndpointDef, item: PlanItem, lostWrite: WriteMode | undefined): void {
  if (lostWrite === 'create' && item.target === undefined) {
    // Without an identifier nothing tells whether the lost create happened: creating again could duplicate.
    const message =
      'An earlier attempt with this Idempotency-Key may have created this record, and this endpoint has no ' +
      'record identifier to check it by; look in Odoo before sending it again with a new key';
    return fail(item, new ConflictError(message));
  }
  item.mode = 'create';
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
