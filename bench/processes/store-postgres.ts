/**
 * The store row's optional PostgreSQL side: a database created for the run on the server at
 * --postgres-url (default: the local one, user postgres) and dropped afterwards. A server that does
 * not answer skips the side with the reason; it never fails the run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TempDatabase {
  /** The new database's URL (STORE_URL of its gateway). */
  url: string;
  drop(): Promise<void>;
}

/** A fresh database, or why there is none (the message never shows a password of the URL). */
export async function createTempDatabase(adminUrl: string): Promise<TempDatabase | { skipped: string }> {
  const name = `bench_store_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { skipped: `PostgreSQL at ${withoutPassword(adminUrl)} not usable: ${reason}` };
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the given URL';
  }
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  // A server that drops the connection later must not crash the bench.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
