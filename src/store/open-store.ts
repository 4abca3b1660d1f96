/**
 * Opens the configured store, migrated and ready: the SQLite file (embedded, the default), a
 * PostgreSQL database shared by replicas, or memory. Locks on PostgreSQL get a pool of their own,
 * because each holder keeps a connection for as long as its write to Odoo takes.
 */
import { IdentifierLocks } from '../records/identifier-locks';
import { AdvisoryLocks } from './advisory-locks';
import { migrate } from './migrations';
import { memoryRateLimitCounter, postgresRateLimitCounter } from './rate-limit-counters';
import { SqlAuditLog } from './sql-audit-log';
import { SqlDatabase, openPostgres, openSqliteFile, openSqliteMemory } from './sql-database';
import { SqlIdempotencyStore } from './sql-idempotency-store';
import { SqlOutboundQueue } from './sql-outbound-queue';
import { DEFAULT_STORE_PATH, StoreSettings, StoreType } from './store-settings';
import { Store } from './store';

export interface StoreOptions {
  /** Idempotency entries kept per client. Default 10,000. */
  idempotencyQuotaPerClient?: number;
  /** How long a write waits for a busy identifier on PostgreSQL. Default 10 s. */
  lockTimeoutMs?: number;
  /** PostgreSQL connections for queries (default 10) and for held locks (default 20). */
  poolSize?: number;
  lockPoolSize?: number;
  now?: () => number;
}

export async function openStore(settings: StoreSettings, options: StoreOptions = {}): Promise<Store> {
  if (settings.type === 'postgres') return openPostgresStore(settings, options);
  const database =
    settings.type === 'memory' ? openSqliteMemory() : openSqliteFile(settings.path ?? DEFAULT_STORE_PATH);
  return ready(
    settings.type,
    database,
    options,
    async () => database.db.destroy(),
    () => ({
      shared: false,
      locks: new IdentifierLocks(),
      rateLimitCounter: memoryRateLimitCounter,
    }),
  );
}

async function openPostgresStore(settings: StoreSettings, options: StoreOptions): Promise<Store> {
  if (!settings.url) throw new Error('store: type postgres needs a url');
  const database = openPostgres({ url: settings.url, poolSize: options.poolSize });
  const lockDatabase = openPostgres({ url: settings.url, poolSize: options.lockPoolSize ?? 20 });
  const pool = database.pool;
  if (!pool) throw new Error('store: PostgreSQL opened without a pool');
  const close = async (): Promise<void> => {
    await Promise.all([database.db.destroy(), lockDatabase.db.destroy()]);
  };
  return ready('postgres', database, options, close, () => ({
    shared: true,
    locks: new AdvisoryLocks(lockDatabase.db, { timeoutMs: options.lockTimeoutMs }),
    rateLimitCounter: (limits) => postgresRateLimitCounter(pool, limits),
  }));
}

type BackendParts = Pick<Store, 'shared' | 'locks' | 'rateLimitCounter'>;

/** Migrates, then assembles the store; a database that cannot be migrated is closed again. */
async function ready(
  type: StoreType,
  database: SqlDatabase,
  options: StoreOptions,
  close: () => Promise<void>,
  parts: () => BackendParts,
): Promise<Store> {
  try {
    await migrate(database);
  } catch (error) {
    await close();
    throw error;
  }
  const now = options.now ?? Date.now;
  return {
    type,
    ...parts(),
    idempotency: new SqlIdempotencyStore(database.db, {
      quotaPerClient: options.idempotencyQuotaPerClient,
      now,
    }),
    audit: new SqlAuditLog(database.db, now),
    outbound: new SqlOutboundQueue(database.db, database.dialect, now),
    close,
  };
}
