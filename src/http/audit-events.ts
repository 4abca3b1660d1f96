/**
 * The audit rows of one finished write request, from what was asked (method, path, body) and what
 * was answered (status, JSON body): one row for the request and, for a batch, one per item
 * (`batchIndex`). Built from the answer itself, so a replayed Idempotency-Key response is audited
 * exactly like the first one. Pure: the middleware (audit-trail.ts) gathers the facts.
 */
import { AuditEvent } from '../store/audit-event';
import { capturePayload } from '../store/audit-payload';

export interface FinishedWrite {
  at: number;
  endpoint: string;
  method: string;
  /** Set only when the endpoint's auth accepted the caller. */
  caller?: string;
  /** The endpoint's identifier key (`customer_id`): where the items name their record. */
  identifierKey: string;
  /** `{id}` of the path, or the identifier in a DELETE's query. */
  pathIdentifier?: string;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
  requestId?: string;
  idempotencyKey?: string;
  durationMs: number;
  odooCalls: number;
  /** Set when `audit.payloads` is on: the cap of a captured body. */
  payloadMaxChars?: number;
}

interface ItemResult {
  index?: number;
  success?: boolean;
  id?: number;
  message?: string;
  status_code?: string;
}

/** Odoo was asked and did not say: the write may or may not have happened. */
const UNKNOWN_CODES = new Set(['ODOO_TIMEOUT']);
const CLIENT_CLOSED_REQUEST = 499;

export function auditEvents(write: FinishedWrite): AuditEvent[] {
  const response = asRecord(write.responseBody);
  const items = Array.isArray(write.requestBody) ? (write.requestBody as unknown[]) : undefined;
  const results = Array.isArray(response.results) ? (response.results as ItemResult[]) : [];
  const base = baseOf(write);
  const request: AuditEvent = {
    ...base,
    identifier: write.pathIdentifier ?? (items ? undefined : identifierIn(write.requestBody, write)),
    odooIds: items ? results.flatMap(idOf) : idOf(response),
    outcome: requestOutcome(write, response, results),
    status: write.status,
    ...optional('errorCode', stringOr(response.status_code)),
    ...optional('payload', payloadOf(write)),
  };
  if (!items || write.status >= 400) return [request];
  return [request, ...results.map((result, place) => itemEvent(write, base, items, result, place))];
}

function baseOf(write: FinishedWrite): Omit<AuditEvent, 'odooIds' | 'outcome' | 'status'> {
  return {
    at: write.at,
    endpoint: write.endpoint,
    method: write.method,
    ...optional('caller', write.caller),
    ...optional('requestId', write.requestId),
    ...optional('idempotencyKey', write.idempotencyKey),
    durationMs: write.durationMs,
    odooCalls: write.odooCalls,
  };
}

/** An item row: its own outcome and Odoo id; Odoo calls are counted once, on the request row. */
function itemEvent(
  write: FinishedWrite,
  base: ReturnType<typeof baseOf>,
  items: readonly unknown[],
  result: ItemResult,
  place: number,
): AuditEvent {
  const index = result.index ?? place;
  return {
    ...base,
    odooCalls: 0,
    batchIndex: index,
    ...optional('identifier', identifierIn(items[index], write)),
    odooIds: idOf(result),
    outcome: itemOutcome(result),
    status: write.status,
    ...optional('errorCode', result.status_code),
  };
}

function requestOutcome(
  write: FinishedWrite,
  response: Record<string, unknown>,
  results: readonly ItemResult[],
): AuditEvent['outcome'] {
  // The client left before the answer: the write may have ended either way.
  if (write.status === CLIENT_CLOSED_REQUEST) return 'unknown';
  if (write.status >= 400) return failedOr(stringOr(response.status_code));
  if (write.method === 'DELETE') return 'deleted';
  if (!Array.isArray(write.requestBody)) return write.status === 201 ? 'created' : 'updated';
  const outcomes = results.map(itemOutcome);
  if (outcomes.includes('unknown')) return 'unknown';
  if (outcomes.every((outcome) => outcome === 'failed')) return 'failed';
  return outcomes.includes('created') ? 'created' : 'updated';
}

function itemOutcome(result: ItemResult): AuditEvent['outcome'] {
  if (result.success !== true) return failedOr(result.status_code);
  return result.message === 'Record created' ? 'created' : 'updated';
}

function failedOr(code: string | undefined): AuditEvent['outcome'] {
  return code !== undefined && UNKNOWN_CODES.has(code) ? 'unknown' : 'failed';
}

function identifierIn(body: unknown, write: FinishedWrite): string | undefined {
  const value = asRecord(body)[write.identifierKey];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function payloadOf(write: FinishedWrite): string | undefined {
  return write.payloadMaxChars === undefined
    ? undefined
    : capturePayload(write.requestBody, write.payloadMaxChars);
}

function idOf(value: unknown): number[] {
  const id = asRecord(value).id;
  return typeof id === 'number' ? [id] : [];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `{ [key]: value }` when the value is set: audit rows leave unknown facts out rather than null. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
