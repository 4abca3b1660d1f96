/**
 * The backends the store suites run against: memory, embedded (SQLite in a temp dir) and PostgreSQL
 * (a database created for the run and dropped after). PostgreSQL is probed once, synchronously, so a
 * suite can decide at load time: with CI=true (or REQUIRE_POSTGRES=1) a missing server fails the run;
 * elsewhere the PostgreSQL part is skipped with a notice saying why.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { StoreOptions, openStore } from '../../src/store/open-store';
import { Store } from '../../src/store/store';
import { StoreSettings } from '../../src/store/store-settings';

export const POSTGRES_ADMIN_URL = process.env.STORE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const POSTGRES_REQUIRED = process.env.CI === 'true' || process.env.REQUIRE_POSTGRES === '1';

/** Why PostgreSQL cannot be used, or undefined when it answers. */
function probePostgres(): string | undefined {
  const script =
    "const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1],connectionTimeoutMillis:3000});" +
    'c.connect().then(()=>c.end()).catch((e)=>{console.error(e.message);process.exit(1)})';
  try {
    execFileSync(process.execPath, ['-e', script, POSTGRES_ADMIN_URL], { stdio: 'pipe', timeout: 10_000 });
    return undefined;
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    return stderr || String(error);
  }
}

const POSTGRES_PROBLEM = probePostgres();
export const POSTGRES_AVAILABLE = POSTGRES_PROBLEM === undefined;
/** `describe` where PostgreSQL runs or is required (then its absence fails the tests), else `describe.skip`. */
export const describeWithPostgres = POSTGRES_AVAILABLE || POSTGRES_REQUIRED ? describe : describe.skip;

export function noticeSkippedPostgres(suite: string): void {
  if (POSTGRES_AVAILABLE || POSTGRES_REQUIRED) return;
  process.stderr.write(
    `\nSKIPPED: the PostgreSQL part of ${suite}: cannot connect to ${POSTGRES_ADMIN_URL} (${POSTGRES_PROBLEM}). ` +
      'Start PostgreSQL (user postgres, trust auth) or set STORE_TEST_URL; CI=true or REQUIRE_POSTGRES=1 ' +
      'makes this a failure.\n\n',
  );
}

/** One place to open stores of one backend; `cleanup` removes what the run created. */
export interface BackendUnderTest {
  name: 'memory' | 'embedded' | 'postgres';
  settings: StoreSettings;
  /** Stores of this backend opened twice see the same data (not so for memory). */
  shared: boolean;
  open(options?: StoreOptions): Promise<Store>;
  cleanup(): Promise<void>;
}

export function memoryBackend(): BackendUnderTest {
  const settings: StoreSettings = { type: 'memory' };
  return backend('memory', settings, false, async () => undefined);
}

export function embeddedBackend(): BackendUnderTest {
  const directory = mkdtempSync(join(tmpdir(), 'gateway-store-'));
  return backend('embedded', { type: 'embedded', path: directory }, true, async () =>
    rmSync(directory, { recursive: true, force: true }),
  );
}

/** A fresh database on the test server; dropped (connections and all) by cleanup. */
export async function postgresBackend(): Promise<BackendUnderTest> {
  const name = `gateway_store_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return backend('postgres', { type: 'postgres', url: url.toString() }, true, () =>
    adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
}

function backend(
  name: BackendUnderTest['name'],
  settings: StoreSettings,
  shared: boolean,
  cleanup: () => Promise<void>,
): BackendUnderTest {
  const opened: Store[] = [];
  return {
    name,
    settings,
    shared,
    async open(options) {
      const store = await openStore(settings, options);
      opened.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map((store) => store.close().catch(() => undefined)));
      await cleanup();
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A clock the test moves by hand. */
export function manualClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

/**
 * Declares `tests` once per backend: memory, embedded, and PostgreSQL where it runs (see above).
 * `backend()` is valid inside tests and hooks.
 */
export function forEachBackend(
  suite: string,
  tests: (backend: () => BackendUnderTest) => void,
  names: ReadonlyArray<BackendUnderTest['name']> = ['memory', 'embedded', 'postgres'],
): void {
  noticeSkippedPostgres(suite);
  for (const name of names) {
    const describeBackend = name === 'postgres' ? describeWithPostgres : describe;
    describeBackend(`${suite} on ${name}`, () => {
      let current: BackendUnderTest | undefined;
      beforeEach(async () => {
        current =
          name === 'memory'
            ? memoryBackend()
            : name === 'embedded'
              ? embeddedBackend()
              : await postgresBackend();
      });
      afterEach(async () => {
        await current?.cleanup();
        current = undefined;
      });
      tests(() => {
        if (!current) throw new Error('the store backend is opened before each test');
        return current;
      });
    });
  }
}
