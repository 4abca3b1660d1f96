/**
 * One audit row: a write request, or one item of a batch. It names the caller by user name or token
 * label (never a secret) and keeps what ops need to answer "who changed this record, when, and how
 * did it end".
 */
export interface AuditEvent {
  /** Epoch milliseconds. */
  at: number;
  endpoint: string;
  method: string;
  caller?: string;
  /** The identifier value the write named (e.g. the customer's reference). */
  identifier?: string;
  odooIds: number[];
  outcome: 'created' | 'updated' | 'deleted' | 'failed' | 'unknown';
  status: number;
  errorCode?: string;
  requestId?: string;
  idempotencyKey?: string;
  /** Set on rows of batch items: the item's place in the batch. */
  batchIndex?: number;
  durationMs: number;
  odooCalls: number;
  /** Redacted, size-capped JSON of the request body, when `audit.payloads` is on. */
  payload?: string;
}

export interface StoredAuditEvent extends AuditEvent {
  id: string;
}

export interface AuditFilter {
  endpoint?: string;
  status?: number;
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
  requestId?: string;
  identifier?: string;
}

export interface AuditPage {
  /** Newest first. */
  events: StoredAuditEvent[];
  /** Rows matching the filter, all pages together. */
  total: number;
}

export interface AuditQuery extends AuditFilter {
  /** Default 50, at most 500. */
  limit?: number;
  offset?: number;
}

export interface AuditLog {
  record(events: readonly AuditEvent[]): Promise<void>;
  query(query: AuditQuery): Promise<AuditPage>;
  /** Deletes rows older than `days`; returns how many. */
  prune(days: number): Promise<number>;
}
