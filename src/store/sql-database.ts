/**
 * Opens the SQL backends as one Kysely type: SQLite (better-sqlite3, a file in WAL mode) for the
 * embedded store, PostgreSQL (a pg Pool) for several replicas. Nothing above this file knows which.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';
import pg from 'pg';
import { SQLITE_FILE_NAME } from './store-settings';
import { StoreSchema } from './store-schema';

export type SqlDialect = 'sqlite' | 'postgres';

export interface SqlDatabase {
  dialect: SqlDialect;
  db: Kysely<StoreSchema>;
  /** Where migrations of this database are serialised within the process (the file, the URL). */
  identity: string;
  /** The pool, for what needs pg itself (rate-limiter-flexible). */
  pool?: pg.Pool;
}

export interface PostgresOptions {
  url: string;
  /** Connections for queries. Default 10. */
  poolSize?: number;
}

/** The store's SQLite file in `directory` (created if missing), in WAL mode. */
export function openSqliteFile(directory: string): SqlDatabase {
  mkdirSync(directory, { recursive: true });
  const file = resolve(join(directory, SQLITE_FILE_NAME));
  // `timeout`: a statement waits this long for another process's write lock instead of failing at once.
  const database = new SqliteDatabase(file, { timeout: 5000 });
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  return sqlite(database, file);
}

/** A database that lives and dies with this process: the `memory` store. */
export function openSqliteMemory(): SqlDatabase {
  return sqlite(new SqliteDatabase(':memory:'), `:memory:${++memoryDatabases}`);
}

let memoryDatabases = 0;

function sqlite(database: SqliteDatabase.Database, identity: string): SqlDatabase {
  const dialect = new SqliteDialect({ database: withStatementCache(database) });
  return { dialect: 'sqlite', db: new Kysely({ dialect }), identity };
}

/** Distinct SQL texts kept compiled; the store writes a few dozen (IN lists of varying length add some). */
const CACHED_STATEMENTS = 256;

/**
 * Kysely prepares every query it runs, and better-sqlite3 compiles SQL on each `prepare`: about a
 * tenth of a write request's gateway CPU went there (an audit row, an idempotency entry). The store
 * runs a few dozen distinct texts, so each is compiled once. Reusing a statement is safe: Kysely runs
 * one query at a time on its one SQLite connection, and the store never streams.
 */
function withStatementCache(database: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= CACHED_STATEMENTS) statements.clear();
        statement = database.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

export function openPostgres(options: PostgresOptions): SqlDatabase {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: { getTypeParser: bigintAsNumber },
  });
  // An idle connection that dies (database restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    dialect: 'postgres',
    db: new Kysely({ dialect: new PostgresDialect({ pool }) }),
    identity: options.url,
    pool,
  };
}

const INT8_OID = 20;

/** Epoch milliseconds fit a double exactly; pg would hand bigint back as a string. */
function bigintAsNumber(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8_OID) return (value) => Number(value);
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
}
