/** How a run was made (command, machine, commit, method of each side), stored with its figures. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { BenchOptions } from '../options';
import { REPO_ROOT } from '../processes/gateway-child';
import { withoutPassword } from '../processes/store-postgres';
import { transportRounds } from '../rows/transports-row';
import type { RunMeta } from './results-file';

export function runMeta(
  options: BenchOptions,
  argv: readonly string[],
  durationS: number,
  maxConcurrency: number,
): RunMeta {
  const secret = (flag: string | undefined) => flag === '--password' || flag === '--api-key';
  const shown = argv.map((arg, index) =>
    secret(argv[index - 1]) ? '***' : arg.replace(/^(--password=|--api-key=).*/, '$1***'),
  );
  const cpu = os.cpus();
  return {
    date: new Date().toISOString(),
    command: `npm run bench${shown.length ? ` -- ${shown.join(' ')}` : ''}`,
    odoo: options.odoo ? ('real Odoo' as const) : ('built-in simulator' as const),
    gatewayProtocol: options.gatewayProtocol ?? 'xmlrpc',
    node: process.version,
    cpus: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    commit: gitCommit(),
    uncommittedSourceFiles: uncommittedSources(),
    durationS,
    options: {
      ...options,
      odoo: options.odoo ? { url: options.odoo.url, db: options.odoo.db } : undefined,
      rows: [...options.rows],
      storePostgresUrl: options.storePostgresUrl && withoutPassword(options.storePostgresUrl),
    },
    method: {
      gateway: `child process \`node dist/src/index.js\`, ${options.configPath}, Odoo protocol ${options.gatewayProtocol ?? 'xmlrpc'}, info-level JSON access log to /dev/null`,
      load: `autocannon, keep-alive connections with one request in flight each: ${options.connections} in the 0 ms rows (throughput), ${options.latencyConnections} in rows with Odoo latency (latency); response times kept at full precision`,
      direct: `the xmlrpc package's createClient over a keep-alive agent (maxSockets ${maxConcurrency} = the gateway's max_concurrency), as many concurrent workers in the bench process as the HTTP sides have connections, the same calls as the gateway in the same parallel stages`,
      express: `child process: express 5 + the gateway's own Odoo client (${options.gatewayProtocol ?? 'xmlrpc'}, max_concurrency ${maxConcurrency}), one route per operation making the same calls; no auth, validation, mapping or logging`,
      odoo: options.odoo
        ? 'real Odoo: calls counted by the gateway /metrics and the direct client'
        : 'built-in simulator in its own child process (keep-alive); calls counted from its call log',
      rounds: `${options.rounds} alternating rounds of ${options.durationS} s per side after ${options.warmupS} s of warm-up`,
      sync: 'single POSTs and the naive client send one request at a time',
      store: `POST one at 10 ms with a new Idempotency-Key each, on gateway children that differ only in store.type (memory, embedded SQLite in a temp folder, PostgreSQL in a temp database when reachable); ${options.rounds} alternating rounds`,
      push: `${options.pushSize} customers created by the direct client (100 a create call) while a gateway child (its customers endpoint with outbound: batch_size 100, interval_s 1, hmac; ODOO_READ_PLAN ${options.readPlan}) pushes them to a node http receiver in the bench process; timed from the first create to the last new event received; Odoo calls from the simulator's log less the direct client's own`,
      transports: `one gateway child per transport (ODOO_PROTOCOL set, ODOO_READ_PLAN ${options.readPlan}) beside the direct XML-RPC client's naive calls (search_read, then one read per related model); simulated: Odoo 18 and 19 with several databases, ${options.statelessMs} ms more per stateless call; ${transportRounds(options.rounds)} alternating rounds`,
    },
  };
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** Files of src/ and config/ that differ from the commit: the run measured those edits too. */
function uncommittedSources(): string[] | undefined {
  try {
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src', 'config'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    return status
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
  } catch {
    return undefined;
  }
}
