/**
 * The tables of the store as Kysely sees them: one description for SQLite and PostgreSQL, so every
 * query is written once. Times are epoch milliseconds (bigint on PostgreSQL, read back as numbers).
 */
import type { Generated } from 'kysely';

export interface IdempotencyRow {
  key: string;
  /** Whose quota the entry counts against (a user name, a token label, a hash: never a secret). */
  client: string;
  owner: string;
  state: string;
  /** The whole IdempotencyEntry as JSON. */
  entry: string;
  created_at: number;
  expires_at: number;
}

export interface AuditRow {
  id: string;
  at: number;
  endpoint: string;
  method: string;
  caller: string | null;
  identifier: string | null;
  /** JSON array of Odoo ids. */
  odoo_ids: string;
  outcome: string;
  status: number;
  error_code: string | null;
  request_id: string | null;
  idempotency_key: string | null;
  batch_index: number | null;
  duration_ms: number;
  odoo_calls: number;
  payload: string | null;
}

/** rate-limiter-flexible's own table on PostgreSQL, created by a migration so replicas never race on it. */
export interface RateLimitRow {
  key: string;
  points: number;
  expire: number | null;
}

export interface StoreSchema {
  idempotency_entries: IdempotencyRow;
  audit_events: AuditRow;
  rate_limits: RateLimitRow;
  store_migrations: { name: string; applied_at: Generated<number> };
}
