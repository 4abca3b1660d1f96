/** The audit trail in the SQL store: rows are only added, read newest first, and pruned by age. */
import { randomUUID } from 'node:crypto';
import { Kysely, SelectQueryBuilder } from 'kysely';
import { AuditEvent, AuditFilter, AuditLog, AuditPage, AuditQuery, StoredAuditEvent } from './audit-event';
import { AuditRow, StoreSchema } from './store-schema';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const DAY_MS = 86_400_000;

type AuditSelect = SelectQueryBuilder<StoreSchema, 'audit_events', object>;

export class SqlAuditLog implements AuditLog {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  async record(events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.db.insertInto('audit_events').values(events.map(toRow)).execute();
  }

  async query(query: AuditQuery): Promise<AuditPage> {
    const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
    const filtered = applyFilter(this.db.selectFrom('audit_events'), query);
    const rows = await filtered
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(Math.max(0, query.offset ?? 0))
      .execute();
    const counted = await filtered
      .select((eb) => eb.fn.countAll<number | string>().as('total'))
      .executeTakeFirst();
    return { events: rows.map(fromRow), total: Number(counted?.total ?? 0) };
  }

  async prune(days: number): Promise<number> {
    const cutoff = this.now() - days * DAY_MS;
    const result = await this.db.deleteFrom('audit_events').where('at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function applyFilter(select: AuditSelect, filter: AuditFilter): AuditSelect {
  let query = select;
  if (filter.endpoint !== undefined) query = query.where('endpoint', '=', filter.endpoint);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
  if (filter.until !== undefined) query = query.where('at', '<', filter.until);
  if (filter.requestId !== undefined) query = query.where('request_id', '=', filter.requestId);
  if (filter.identifier !== undefined) query = query.where('identifier', '=', filter.identifier);
  return query;
}

function toRow(event: AuditEvent): AuditRow {
  return {
    id: randomUUID(),
    at: event.at,
    endpoint: event.endpoint,
    method: event.method,
    caller: event.caller ?? null,
    identifier: event.identifier ?? null,
    odoo_ids: JSON.stringify(event.odooIds),
    outcome: event.outcome,
    status: event.status,
    error_code: event.errorCode ?? null,
    request_id: event.requestId ?? null,
    idempotency_key: event.idempotencyKey ?? null,
    batch_index: event.batchIndex ?? null,
    duration_ms: Math.round(event.durationMs),
    odoo_calls: event.odooCalls,
    payload: event.payload ?? null,
  };
}

function fromRow(row: AuditRow): StoredAuditEvent {
  const optional = {
    caller: row.caller,
    identifier: row.identifier,
    errorCode: row.error_code,
    requestId: row.request_id,
    idempotencyKey: row.idempotency_key,
    batchIndex: row.batch_index,
    payload: row.payload,
  };
  return {
    id: row.id,
    at: row.at,
    endpoint: row.endpoint,
    method: row.method,
    odooIds: JSON.parse(row.odoo_ids) as number[],
    outcome: row.outcome as AuditEvent['outcome'],
    status: row.status,
    durationMs: row.duration_ms,
    odooCalls: row.odoo_calls,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== null)),
  };
}
