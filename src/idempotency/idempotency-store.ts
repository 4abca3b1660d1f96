/**
 * Where Idempotency-Key entries live. An interface with two atomic primitives (insert-if-absent and
 * compare-owner-and-replace) so that a shared store can back several gateway replicas: the gateway
 * uses the store's (src/store/sql-idempotency-store.ts); MemoryIdempotencyStore serves unit tests.
 * Keys are already hashed and scoped to the client; entries hold no credential.
 */

/** A response as it was sent: replayed as is to a retry. */
export interface StoredResponse {
  status: number;
  body: unknown;
  /** Headers the response carried (Retry-After, Location...), sent again with it. */
  headers?: Record<string, string>;
}

/** What an interrupted attempt left: items saved, and items whose write was sent without an answer. */
export interface StoredResume {
  saved: Array<{ index: number; id: number; created: boolean }>;
  unknown: Array<{ index: number; mode: 'create' | 'update' }>;
}

interface EntryBase {
  /** Hash of the request (body, query, Prefer): the same key with another request is refused. */
  fingerprint: string;
  /** Random per attempt: only the attempt that holds the entry may complete or release it. */
  owner: string;
}

export type IdempotencyEntry =
  | (EntryBase & {
      state: 'in_progress';
      /** Past this time (epoch ms) the attempt is presumed dead and a retry may take over. */
      leaseUntil: number;
      resume?: StoredResume;
    })
  | (EntryBase & { state: 'done'; response: StoredResponse })
  | (EntryBase & { state: 'resumable'; resume: StoredResume });

export interface IdempotencyStore {
  get(key: string): Promise<IdempotencyEntry | undefined>;
  /**
   * Stores `entry` unless a live entry exists. Returns the existing entry, or undefined when stored.
   * `client` (a user name or token label, never a secret) names the quota the entry counts against,
   * in stores that keep one per client.
   */
  putIfAbsent(
    key: string,
    entry: IdempotencyEntry,
    ttlMs: number,
    client?: string,
  ): Promise<IdempotencyEntry | undefined>;
  /** Replaces the entry only while `owner` holds it; false when another attempt took it or it expired. */
  replaceIfOwner(key: string, owner: string, entry: IdempotencyEntry, ttlMs: number): Promise<boolean>;
  deleteIfOwner(key: string, owner: string): Promise<void>;
}
