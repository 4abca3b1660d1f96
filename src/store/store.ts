/**
 * The store: what must outlive a process (embedded) or be shared by replicas (postgres), behind one
 * interface. `memory` holds the same tables in an in-memory SQLite database, for tests.
 */
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { IdentifierLockService } from './advisory-locks';
import { AuditLog } from './audit-event';
import { OutboundQueue } from './outbound-queue';
import { RateLimitCounter, RateLimitOptions } from './rate-limit-counters';
import { StoreType } from './store-settings';

/** The gate's IdempotencyStore (whose `putIfAbsent` names the client's quota), plus pruning. */
export interface StoreIdempotency extends IdempotencyStore {
  /** Removes expired entries; returns how many. */
  prune(): Promise<number>;
}

export interface Store {
  readonly type: StoreType;
  /** True when several replicas may share this store (their locks and counters must be too). */
  readonly shared: boolean;
  readonly idempotency: StoreIdempotency;
  readonly locks: IdentifierLockService;
  readonly audit: AuditLog;
  /** The outbound push's cursors, leases and delivery queue (docs/outbound.md). */
  readonly outbound: OutboundQueue;
  rateLimitCounter(options: RateLimitOptions): RateLimitCounter;
  close(): Promise<void>;
}
