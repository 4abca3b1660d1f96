#!/usr/bin/env node
/**
 * `npm run audit -- --since 1h [--endpoint customers] [--status 409] [--request-id ID]
 * [--identifier C-1001] [--until 10m] [--limit 100] [--offset 0] [--json]`: the audit trail for ops,
 * read straight from the configured store (STORE_URL wins, as for the gateway), newest first.
 * The same filters as `GET /bj_api_sync/audit`. Exit code: 0 rows printed (or none matched),
 * 1 bad arguments or configuration, 2 store unreachable.
 */
import { ConfigError, formatProblem } from '../config/config-error';
import { configPathFromEnv, loadConfig } from '../config/load-config';
import { GatewayError } from '../errors/gateway-error';
import { auditEventJson, parseAuditQuery } from '../http/audit-query';
import { StoredAuditEvent } from '../store/audit-event';
import { openStore } from '../store/open-store';
import { resolveStoreSettings } from '../store/store-settings';

export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_STORE = 2;

const USAGE = [
  'usage: npm run audit -- [--since 1h] [--until 10m] [--endpoint NAME] [--status CODE]',
  '         [--request-id ID] [--identifier VALUE] [--limit N] [--offset N] [--json] [--config gateway.yaml]',
  '  times: ISO 8601, epoch milliseconds, or a span back from now (90s, 15m, 1h, 7d)',
];

const FLAGS: Record<string, string> = {
  '--since': 'since',
  '--until': 'until',
  '--endpoint': 'endpoint',
  '--status': 'status',
  '--request-id': 'request_id',
  '--identifier': 'identifier',
  '--limit': 'limit',
  '--offset': 'offset',
};

interface Options {
  query: Record<string, string>;
  json: boolean;
  configPath?: string;
}

type Out = (line: string) => void;

export function parseAuditArgs(argv: readonly string[]): Options | string {
  const options: Options = { query: {}, json: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag = '', inline] = (argv[i] ?? '').split(/=(.*)/s);
    if (flag === '--json') {
      options.json = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) return `${flag}: needs a value`;
    if (flag === '--config') options.configPath = value;
    else if (FLAGS[flag]) options.query[FLAGS[flag]] = value;
    else return `unexpected argument: ${flag}`;
  }
  return options;
}

export async function runAudit(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  out: Out,
): Promise<number> {
  const options = parseAuditArgs(argv);
  if (typeof options === 'string') return usage(out, options);
  let query;
  let settings;
  try {
    query = parseAuditQuery(options.query);
    const config = loadConfig({ configPath: options.configPath ?? configPathFromEnv(env), env });
    const { type, path, url } = config.settings.store;
    settings = resolveStoreSettings({ type, path, url }, env);
  } catch (error) {
    if (error instanceof GatewayError)
      return usage(
        out,
        error.message.replace(/^\w+/, (name) => `--${name.replace(/_/g, '-')}`),
      );
    if (error instanceof ConfigError) return problems(out, error);
    return usage(out, error instanceof Error ? error.message : String(error));
  }
  let store;
  try {
    store = await openStore(settings);
  } catch (error) {
    out(`audit: cannot open the ${settings.type} store (${errorCode(error)})`);
    return EXIT_STORE;
  }
  try {
    const page = await store.audit.query(query);
    for (const event of page.events) out(options.json ? JSON.stringify(auditEventJson(event)) : line(event));
    if (!options.json) out(`${page.events.length} of ${page.total} rows (offset ${query.offset})`);
    return EXIT_OK;
  } catch (error) {
    out(`audit: the ${settings.type} store failed (${errorCode(error)})`);
    return EXIT_STORE;
  } finally {
    await store.close();
  }
}

/** One row on one line, for a terminal. */
function line(event: StoredAuditEvent): string {
  const parts = [
    new Date(event.at).toISOString(),
    event.method.padEnd(6),
    event.endpoint,
    event.identifier ?? '-',
    String(event.status),
    event.outcome,
    event.odooIds.length > 0 ? `ids=${event.odooIds.join(',')}` : 'ids=-',
    event.batchIndex !== undefined ? `item=${event.batchIndex}` : 'request',
    `caller=${event.caller ?? '-'}`,
    `request_id=${event.requestId ?? '-'}`,
    ...(event.errorCode ? [`error=${event.errorCode}`] : []),
    `${event.durationMs}ms`,
    `odoo_calls=${event.odooCalls}`,
  ];
  return parts.join('  ');
}

function usage(out: Out, problem: string): number {
  out(`audit: ${problem}`);
  for (const text of USAGE) out(text);
  return EXIT_USAGE;
}

function problems(out: Out, error: ConfigError): number {
  for (const problem of error.problems) out(formatProblem(problem));
  return EXIT_USAGE;
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

if (require.main === module) {
  runAudit(process.argv.slice(2), process.env, (text) => console.log(text)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`audit failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = EXIT_STORE;
    },
  );
}
