/**
 * Versioned schema changes, applied in order and recorded in `store_migrations`. Several replicas may
 * start at once: on PostgreSQL the whole run holds a session advisory lock on one connection, so one
 * replica migrates while the others wait and then find nothing left to do; on SQLite runs within one
 * process are chained (the embedded store is one process; the file lock covers the rest). Each migration and its record commit together.
 */
import { Kysely, sql } from 'kysely';
import { SqlDatabase, SqlDialect } from './sql-database';
import { StoreSchema } from './store-schema';

type Db = Kysely<StoreSchema>;

interface Migration {
  name: string;
  up: (db: Db, dialect: SqlDialect) => Promise<void>;
}

/** Append only: a released migration is never edited, a change is a new entry. */
const MIGRATIONS: readonly Migration[] = [
  { name: '001-idempotency', up: createIdempotencyTable },
  { name: '002-audit', up: createAuditTable },
  { name: '003-rate-limits', up: createRateLimitTable },
  { name: '004-outbound', up: createOutboundTables },
];

/** An arbitrary constant that names "the gateway store's migration" among advisory locks. */
const MIGRATION_LOCK_ID = 7_304_912_001;

const running = new Map<string, Promise<void>>();

export function migrate(database: SqlDatabase): Promise<void> {
  // PostgreSQL serialises every process (this one included) with the advisory lock; SQLite here.
  if (database.dialect === 'postgres') return migrateAlone(database);
  const previous = running.get(database.identity) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => migrateAlone(database));
  running.set(database.identity, next);
  return next;
}

async function migrateAlone({ db, dialect }: SqlDatabase): Promise<void> {
  await db.connection().execute(async (conn) => {
    if (dialect === 'postgres') await sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`.execute(conn);
    try {
      await applyPending(conn, dialect);
    } finally {
      if (dialect === 'postgres') await sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.execute(conn);
    }
  });
}

async function applyPending(db: Db, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('store_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('applied_at', 'bigint', (col) => col.notNull())
    .execute();
  const applied = new Set(
    (await db.selectFrom('store_migrations').select('name').execute()).map((row) => row.name),
  );
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.name)) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx, dialect);
      await trx
        .insertInto('store_migrations')
        .values({ name: migration.name, applied_at: Date.now() })
        .execute();
    });
  }
}

export const MIGRATION_NAMES = MIGRATIONS.map((migration) => migration.name);

async function createIdempotencyTable(db: Db): Promise<void> {
  await db.schema
    .createTable('idempotency_entries')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('client', 'text', (col) => col.notNull())
    .addColumn('owner', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('entry', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('idempotency_entries_client')
    .on('idempotency_entries')
    .columns(['client', 'created_at'])
    .execute();
  await db.schema
    .createIndex('idempotency_entries_expiry')
    .on('idempotency_entries')
    .column('expires_at')
    .execute();
}

async function createAuditTable(db: Db): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('at', 'bigint', (col) => col.notNull())
    .addColumn('endpoint', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('caller', 'text')
    .addColumn('identifier', 'text')
    .addColumn('odoo_ids', 'text', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('status', 'integer', (col) => col.notNull())
    .addColumn('error_code', 'text')
    .addColumn('request_id', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('batch_index', 'integer')
    .addColumn('duration_ms', 'integer', (col) => col.notNull())
    .addColumn('odoo_calls', 'integer', (col) => col.notNull())
    .addColumn('payload', 'text')
    .execute();
  await db.schema.createIndex('audit_events_at').on('audit_events').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_events_request').on('audit_events').column('request_id').execute();
}

/** The exact table rate-limiter-flexible's RateLimiterPostgres would create for itself. */
async function createRateLimitTable(db: Db, dialect: SqlDialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(255)', (col) => col.primaryKey())
    .addColumn('points', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
}

/** The outbound push (docs/outbound.md): each endpoint's feed cursor and lease, and the delivery queue. */
async function createOutboundTables(db: Db): Promise<void> {
  await db.schema
    .createTable('outbound_state')
    .addColumn('endpoint', 'text', (col) => col.primaryKey())
    .addColumn('cursor', 'text')
    .addColumn('paused', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('lease_holder', 'text')
    .addColumn('lease_expires_at', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('outbound_deliveries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('endpoint', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('event_ids', 'text', (col) => col.notNull())
    .addColumn('record_count', 'integer', (col) => col.notNull())
    .addColumn('oldest_change_at', 'bigint', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (col) => col.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claim_expires_at', 'bigint')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_response', 'text')
    .execute();
  await db.schema
    .createIndex('outbound_deliveries_due')
    .on('outbound_deliveries')
    .columns(['endpoint', 'state', 'next_attempt_at'])
    .execute();
  // The admin API's lists (pending, dead letters) page in creation order.
  await db.schema
    .createIndex('outbound_deliveries_listing')
    .on('outbound_deliveries')
    .columns(['endpoint', 'state', 'created_at', 'id'])
    .execute();
}
