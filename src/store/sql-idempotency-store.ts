/**
 * Idempotency-Key entries in the SQL store, for one process or many replicas on one database.
 * A claim is one atomic statement (insert, or take over a row whose TTL ended), so of two replicas
 * claiming one key exactly one wins; the owner and the lease inside the entry let the gate take over
 * an attempt whose replica died. Each client has its own quota: past it, that client's oldest
 * finished entries go, so one busy client never evicts another's keys.
 */
import { Kysely } from 'kysely';
import { IdempotencyEntry, IdempotencyStore } from '../idempotency/idempotency-store';
import { IdempotencyRow, StoreSchema } from './store-schema';

export interface SqlIdempotencyOptions {
  /** Entries kept per client. Default 10,000. */
  quotaPerClient?: number;
  now?: () => number;
}

/** The client of callers that do not name one (the gate today): all such keys share one quota. */
export const SHARED_CLIENT = '-';
const DEFAULT_QUOTA = 10_000;
/** A row that vanished between a failed insert and the read is claimed again, a few times at most. */
const CLAIM_ATTEMPTS = 3;

export class SqlIdempotencyStore implements IdempotencyStore {
  private readonly quota: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<StoreSchema>,
    options: SqlIdempotencyOptions = {},
  ) {
    this.quota = Math.max(1, options.quotaPerClient ?? DEFAULT_QUOTA);
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<IdempotencyEntry | undefined> {
    const row = await this.db
      .selectFrom('idempotency_entries')
      .select('entry')
      .where('key', '=', key)
      .where('expires_at', '>', this.now())
      .executeTakeFirst();
    return row ? parseEntry(row.entry) : undefined;
  }

  /** `client` names the quota the entry counts against; the existing entry is returned when one lives. */
  async putIfAbsent(
    key: string,
    entry: IdempotencyEntry,
    ttlMs: number,
    client: string = SHARED_CLIENT,
  ): Promise<IdempotencyEntry | undefined> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      if (await this.claim(key, entry, ttlMs, client)) {
        await this.enforceQuota(client, key);
        return undefined;
      }
      const existing = await this.get(key);
      if (existing) return existing;
    }
    throw new Error('idempotency store: the key kept changing while it was claimed');
  }

  async replaceIfOwner(key: string, owner: string, entry: IdempotencyEntry, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const result = await this.db
      .updateTable('idempotency_entries')
      .set({ owner: entry.owner, state: entry.state, entry: JSON.stringify(entry), expires_at: now + ttlMs })
      .where('key', '=', key)
      .where('owner', '=', owner)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async deleteIfOwner(key: string, owner: string): Promise<void> {
    await this.db
      .deleteFrom('idempotency_entries')
      .where('key', '=', key)
      .where('owner', '=', owner)
      .execute();
  }

  /** Removes expired entries; returns how many. */
  async prune(): Promise<number> {
    const result = await this.db
      .deleteFrom('idempotency_entries')
      .where('expires_at', '<=', this.now())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Inserts the row, or replaces one whose TTL ended, in one statement; true when this call won. */
  private async claim(key: string, entry: IdempotencyEntry, ttlMs: number, client: string): Promise<boolean> {
    const now = this.now();
    const row: IdempotencyRow = {
      key,
      client,
      owner: entry.owner,
      state: entry.state,
      entry: JSON.stringify(entry),
      created_at: now,
      expires_at: now + ttlMs,
    };
    const { key: _key, ...update } = row;
    const won = await this.db
      .insertInto('idempotency_entries')
      .values(row)
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet(update).where('idempotency_entries.expires_at', '<=', now),
      )
      .returning('key')
      .executeTakeFirst();
    return won !== undefined;
  }

  /** Keeps the client's newest `quota` entries; older ones go unless an attempt is still running. */
  private async enforceQuota(client: string, keep: string): Promise<void> {
    const newest = this.db
      .selectFrom('idempotency_entries')
      .select('key')
      .where('client', '=', client)
      .orderBy('created_at', 'desc')
      .orderBy('key', 'desc')
      .limit(this.quota);
    await this.db
      .deleteFrom('idempotency_entries')
      .where('client', '=', client)
      .where('key', '!=', keep)
      .where('state', '!=', 'in_progress')
      .where('key', 'not in', newest)
      .execute();
  }
}

function parseEntry(text: string): IdempotencyEntry {
  return JSON.parse(text) as IdempotencyEntry;
}
