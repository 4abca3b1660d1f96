/**
 * The audit trail's query language, shared by `GET /bj_api_sync/audit` and `npm run audit`: filters
 * `endpoint`, `status`, `since`, `until`, `request_id`, `identifier`, paged by `limit` (1–500, default
 * 50) and `offset` like the list API. Times are ISO 8601 (`2026-05-01T12:00:00Z`), epoch
 * milliseconds, or a span back from now (`90s`, `15m`, `1h`, `7d`).
 */
import { InvalidQueryError } from '../errors/errors';
import { AuditQuery, StoredAuditEvent } from '../store/audit-event';

export const AUDIT_PARAMETERS = [
  'endpoint',
  'status',
  'since',
  'until',
  'request_id',
  'identifier',
  'limit',
  'offset',
];
export const DEFAULT_AUDIT_LIMIT = 50;
export const MAX_AUDIT_LIMIT = 500;

const SPAN = /^(\d+)\s*(s|m|h|d)$/;
const SPAN_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseAuditQuery(
  query: Record<string, unknown>,
  now: number = Date.now(),
): Required<Pick<AuditQuery, 'limit' | 'offset'>> & AuditQuery {
  const unknown = Object.keys(query).filter((name) => !AUDIT_PARAMETERS.includes(name));
  if (unknown.length > 0) {
    throw new InvalidQueryError(`${unknown[0]}: unknown parameter; use ${AUDIT_PARAMETERS.join(', ')}`, {
      lineId: unknown[0],
    });
  }
  const text = (name: string): string | undefined => single(query[name], name);
  const status = integer(text('status'), 'status', 100, 599);
  const since = time(text('since'), 'since', now);
  const until = time(text('until'), 'until', now);
  return {
    ...defined({ endpoint: text('endpoint'), status, since, until }),
    ...defined({ requestId: text('request_id'), identifier: text('identifier') }),
    limit: integer(text('limit'), 'limit', 1, MAX_AUDIT_LIMIT) ?? DEFAULT_AUDIT_LIMIT,
    offset: integer(text('offset'), 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
  };
}

/** A point in time from ISO 8601, epoch ms, or a span back from `now`. */
export function parseTime(raw: string, now: number): number | undefined {
  const span = SPAN.exec(raw.trim());
  if (span) return now - Number(span[1]) * SPAN_MS[span[2] as keyof typeof SPAN_MS];
  if (/^\d{10,}$/.test(raw)) return Number(raw);
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** One row as the API and the CLI show it: snake_case, time in ISO 8601. */
export function auditEventJson(event: StoredAuditEvent): Record<string, unknown> {
  return {
    id: event.id,
    at: new Date(event.at).toISOString(),
    endpoint: event.endpoint,
    method: event.method,
    caller: event.caller ?? null,
    identifier: event.identifier ?? null,
    odoo_ids: event.odooIds,
    outcome: event.outcome,
    status: event.status,
    error_code: event.errorCode ?? null,
    request_id: event.requestId ?? null,
    idempotency_key: event.idempotencyKey ?? null,
    batch_index: event.batchIndex ?? null,
    duration_ms: event.durationMs,
    odoo_calls: event.odooCalls,
    ...(event.payload !== undefined ? { payload: event.payload } : {}),
  };
}

/** One query parameter's value, given at most once (shared with outbound-routes.ts). */
export function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new InvalidQueryError(`${name}: give exactly one value`, { lineId: name });
  return value;
}

export function integer(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw new InvalidQueryError(`${name}: must be an integer from ${min} to ${max}`, { lineId: name });
  }
  return value;
}

function time(raw: string | undefined, name: string, now: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = parseTime(raw, now);
  if (value === undefined) {
    throw new InvalidQueryError(
      `${name}: must be an ISO 8601 time, epoch milliseconds or a span such as 1h`,
      {
        lineId: name,
      },
    );
  }
  return value;
}

function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
