/**
 * Identifier locks shared by replicas: PostgreSQL session advisory locks, each set of keys held on a
 * connection of its own for as long as the work runs. A replica that dies (SIGKILL, lost network)
 * loses its connection and PostgreSQL frees its locks, so no lease is needed. Keys are taken in one
 * fixed order, so two holders of overlapping sets never deadlock; waiting is bounded by lock_timeout.
 */
import { createHash } from 'node:crypto';
import { Kysely, sql } from 'kysely';
import { StoreSchema } from './store-schema';

export interface IdentifierLockService {
  /** Runs `work` while holding every key; rejects with LockTimeoutError when they stay busy. */
  withKeys<T>(keys: readonly string[], work: () => Promise<T>): Promise<T>;
}

export class LockTimeoutError extends Error {
  constructor(readonly keys: readonly string[]) {
    super('Another request is writing the same identifier; retry later');
    this.name = 'LockTimeoutError';
  }
}

export interface AdvisoryLockOptions {
  /** How long to wait for a busy key. Default 10 s. */
  timeoutMs?: number;
}

const LOCK_NOT_AVAILABLE = '55P03';

export class AdvisoryLocks implements IdentifierLockService {
  private readonly timeoutMs: number;

  /** `db` should have a pool of its own: each holder keeps one connection while it writes to Odoo. */
  constructor(
    private readonly db: Kysely<StoreSchema>,
    options: AdvisoryLockOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  withKeys<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const ids = [...new Set(keys.map(lockId))].sort();
    if (ids.length === 0) return work();
    return this.db.connection().execute(async (conn) => {
      await this.takeAll(conn, ids, keys);
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock_all()`.execute(conn);
      }
    });
  }

  private async takeAll(
    conn: Kysely<StoreSchema>,
    ids: readonly string[],
    keys: readonly string[],
  ): Promise<void> {
    try {
      await sql`select set_config('lock_timeout', ${`${this.timeoutMs}ms`}, false)`.execute(conn);
      for (const id of ids) await sql`select pg_advisory_lock(${id}::bigint)`.execute(conn);
    } catch (error) {
      await sql`select pg_advisory_unlock_all()`.execute(conn);
      if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) throw new LockTimeoutError(keys);
      throw error;
    }
  }
}

/** A signed 64-bit number from the key (as text, since it may exceed a double's exact range). */
export function lockId(key: string): string {
  return createHash('sha256').update(key).digest().readBigInt64BE(0).toString();
}
