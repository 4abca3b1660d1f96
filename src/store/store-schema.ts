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

/** One row per endpoint with an outbound push: where its change feed stands, and who polls it. */
export interface OutboundStateRow {
  endpoint: string;
  /** The change feed's opaque cursor; null until the first poll set it to "now". */
  cursor: string | null;
  /** 1: paused by the admin API (nothing read, nothing sent); 0 otherwise. */
  paused: number;
  /** The replica polling the feed, until lease_expires_at. */
  lease_holder: string | null;
  lease_expires_at: number;
  /** When the cursor was last saved (a poll that read the feed to its end). */
  updated_at: number;
}

/** One POST to make (pending) or given up on (dead); delivered rows are deleted. */
export interface OutboundDeliveryRow {
  /** The delivery id, also in the body and in X-Gateway-Delivery. */
  id: string;
  endpoint: string;
  state: 'pending' | 'dead';
  /** The exact body to send, JSON. */
  payload: string;
  /** JSON array of the event ids in the body. */
  event_ids: string;
  record_count: number;
  /** When the oldest change in it happened (epoch ms): the lag metric. */
  oldest_change_at: number;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  /** The replica sending it now, until claim_expires_at. */
  claimed_by: string | null;
  claim_expires_at: number | null;
  /** The receiver's last HTTP status, or null when it never answered. */
  last_status: number | null;
  last_error: string | null;
  /** The receiver's last answer, cut to a few KB. */
  last_response: string | null;
}

export interface StoreSchema {
  idempotency_entries: IdempotencyRow;
  audit_events: AuditRow;
  rate_limits: RateLimitRow;
  outbound_state: OutboundStateRow;
  outbound_deliveries: OutboundDeliveryRow;
  store_migrations: { name: string; applied_at: Generated<number> };
}
