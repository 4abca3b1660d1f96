/**
 * Command-line options of `npm run bench`. Defaults give the full suite (about six minutes on a
 * two-core machine); `--quick` is a smoke run; `--odoo-url ... --db ... --user ... --password ...`
 * points every row at a real Odoo instead of the built-in simulator.
 */
import {
  OptionsError,
  milliseconds,
  numberList,
  positive,
  positiveInt,
  protocol,
  readPlan,
  storePostgresUrl,
} from './option-values';

export const ROW_IDS = [
  'get-one',
  'list',
  'post',
  'put',
  'sync',
  'memory',
  'startup',
  'simulator',
  'transports',
  'store',
  'push',
] as const;
export type RowId = (typeof ROW_IDS)[number];

export interface RealOdoo {
  url: string;
  db: string;
  username: string;
  password: string;
  /** For JSON-2 (Odoo 19+), which takes an API key; default: the password, which may be a key. */
  apiKey?: string;
}

/** The gateway's `odoo.read_plan` (auto: one web_search_read / web_read per GET on Odoo 17+). */
export type ReadPlan = 'auto' | 'classic' | 'web';

export interface BenchOptions {
  /** Undefined: the built-in simulator, started by the bench. */
  odoo?: RealOdoo;
  /** Simulated Odoo latencies, one pass of the rows per value (ignored against a real Odoo). */
  latencies: number[];
  /** Seconds of load per side and round. */
  durationS: number;
  /** Gateway and reference sides alternate this many times, so drift on a noisy machine hits both. */
  rounds: number;
  warmupS: number;
  /** Concurrent requests of the 0 ms rows, which measure throughput (the CPU cost of each side). */
  connections: number;
  /**
   * Concurrent requests of the rows with Odoo latency (simulated > 0 ms, or a real Odoo), which measure
   * the latency a caller sees. One by default: a sync job waiting on each answer, on a machine that is
   * not saturated, so the figure is the gateway's added latency and not CPU queueing.
   */
  latencyConnections: number;
  syncSize: number;
  /** The push row: records changed inside Odoo and pushed to the local receiver. */
  pushSize: number;
  startupRuns: number;
  rows: ReadonlySet<RowId>;
  quick: boolean;
  outDir: string;
  configPath: string;
  /** Put the table into docs/benchmarks.md and the README (between their markers); full runs only. */
  writeDocs: boolean;
  /** The gateway's wire protocol to Odoo (the direct side always speaks XML-RPC). */
  gatewayProtocol?: 'xmlrpc' | 'jsonrpc';
  /**
   * The transports row: extra milliseconds of every stateless call (XML-RPC, /jsonrpc) on its
   * multi-database simulators, on top of the 10 ms every call pays (the fresh PostgreSQL connection).
   */
  statelessMs: number;
  /** The read plan of the transports row's gateways (the CRUD rows always use `classic`). */
  readPlan: ReadPlan;
  /**
   * The store row's PostgreSQL server (a database is created there and dropped): BENCH_POSTGRES_URL in
   * the environment, default the local one; `off` leaves PostgreSQL out.
   */
  storePostgresUrl?: string;
  /** Profile the gateway child with `node --cpu-prof` into this folder. */
  cpuProfDir?: string;
}

export { OptionsError };

/** Odoo 18 multi-database: XML-RPC search_read 35–43 ms against 6.5–7.7 ms in a session (docs/benchmarks.md). */
const DEFAULT_STATELESS_MS = 30;

const USAGE = `usage: npm run bench -- [--quick] [--rows ${ROW_IDS.join(',')}] [--latency 0,10]
       [--duration S] [--rounds N] [--connections N] [--latency-connections N] [--sync-size N] [--push-size N] [--out DIR] [--cpu-prof DIR] [--gateway-protocol xmlrpc|jsonrpc] [--write-docs]
       [--stateless-ms MS] [--read-plan auto|classic|web]
       [--odoo-url URL --db DB --user LOGIN --password PASSWORD [--api-key KEY]]`;

const FLAGS = new Set([
  'quick',
  'rows',
  'latency',
  'duration',
  'rounds',
  'connections',
  'latency-connections',
  'sync-size',
  'push-size',
  'startup-runs',
  'out',
  'config',
  'cpu-prof',
  'gateway-protocol',
  'stateless-ms',
  'read-plan',
  'odoo-url',
  'db',
  'user',
  'password',
  'api-key',
  'help',
  'write-docs',
]);

export function parseOptions(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): BenchOptions {
  const raw = readFlags(argv);
  const quick = raw.has('quick');
  const odoo = realOdoo(raw, env);
  const writeDocs = raw.has('write-docs');
  const partial = [
    'quick',
    'rows',
    'duration',
    'rounds',
    'sync-size',
    'push-size',
    'latency',
    'startup-runs',
    'cpu-prof',
    'gateway-protocol',
    'stateless-ms',
    'read-plan',
  ].filter((flag) => raw.has(flag));
  if (writeDocs && partial.length > 0) {
    throw new OptionsError(`--write-docs publishes a full default run only; drop --${partial.join(', --')}`);
  }
  return {
    writeDocs,
    odoo,
    latencies: odoo ? [0] : numberList(raw.get('latency') ?? '0,10', 'latency'),
    durationS: positive(raw.get('duration'), 1, 'duration'),
    rounds: positiveInt(raw.get('rounds'), quick ? 1 : 4, 'rounds'),
    warmupS: quick ? 0.3 : 0.5,
    connections: positiveInt(raw.get('connections'), 4, 'connections'),
    latencyConnections: positiveInt(raw.get('latency-connections'), 1, 'latency-connections'),
    syncSize: positiveInt(raw.get('sync-size'), quick ? 50 : 1000, 'sync-size'),
    pushSize: positiveInt(raw.get('push-size'), quick ? 1000 : 10_000, 'push-size'),
    startupRuns: positiveInt(raw.get('startup-runs'), quick ? 1 : 3, 'startup-runs'),
    rows: rowSet(raw.get('rows')),
    quick,
    outDir: raw.get('out') ?? 'bench/results',
    configPath: raw.get('config') ?? 'config/gateway.yaml',
    cpuProfDir: raw.get('cpu-prof'),
    gatewayProtocol: protocol(raw.get('gateway-protocol')),
    statelessMs: milliseconds(raw.get('stateless-ms'), DEFAULT_STATELESS_MS, 'stateless-ms'),
    readPlan: readPlan(raw.get('read-plan')),
    storePostgresUrl: storePostgresUrl(env.BENCH_POSTGRES_URL),
  };
}

function readFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new OptionsError(`unexpected argument "${arg}"\n${USAGE}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!FLAGS.has(name)) throw new OptionsError(`unknown option --${name}\n${USAGE}`);
    if (name === 'quick' || name === 'help' || name === 'write-docs') {
      flags.set(name, 'true');
      continue;
    }
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new OptionsError(`--${name} needs a value\n${USAGE}`);
    flags.set(name, value);
  }
  if (flags.has('help')) throw new OptionsError(USAGE);
  return flags;
}

function realOdoo(raw: Map<string, string>, env: Record<string, string | undefined>): RealOdoo | undefined {
  const url = raw.get('odoo-url');
  if (!url) {
    for (const name of ['db', 'user', 'password', 'api-key']) {
      if (raw.has(name)) throw new OptionsError(`--${name} is only meaningful with --odoo-url`);
    }
    return undefined;
  }
  const db = raw.get('db');
  const username = raw.get('user');
  // The password may come from the environment so that it does not land in the shell history.
  const password = raw.get('password') ?? env.ODOO_PASSWORD;
  if (!db || !username || !password) {
    throw new OptionsError(
      '--odoo-url needs --db, --user and --password (or ODOO_PASSWORD in the environment)',
    );
  }
  const apiKey = raw.get('api-key') ?? env.ODOO_API_KEY;
  return apiKey ? { url, db, username, password, apiKey } : { url, db, username, password };
}

function rowSet(text: string | undefined): ReadonlySet<RowId> {
  if (text === undefined) return new Set(ROW_IDS);
  const rows = text.split(',').map((part) => part.trim());
  const unknown = rows.filter((row) => !(ROW_IDS as readonly string[]).includes(row));
  if (unknown.length > 0)
    throw new OptionsError(`unknown row(s) ${unknown.join(', ')}; rows: ${ROW_IDS.join(', ')}`);
  return new Set(rows as RowId[]);
}
