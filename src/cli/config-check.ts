#!/usr/bin/env node
/**
 * `npm run config:check [-- path/to/gateway.yaml] [--simulator]`: every configuration problem before
 * the gateway meets a request. Offline checks first (the loader's), then the checks that need Odoo
 * against the configured Odoo, or the built-in simulator (demo data) when asked or when no
 * odoo.url is set. Exit code: 0 no errors (warnings allowed), 1 problems, 2 Odoo unreachable.
 */
import { ConfigError, formatProblem } from '../config/config-error';
import { configPathFromEnv, loadConfig } from '../config/load-config';
import type { GatewayConfig } from '../config/types';
import { createOdooClient } from '../odoo/create-odoo-client';
import type { OdooClient } from '../odoo/odoo-client';
import { checkConfigAgainstOdoo } from '../ops/odoo-consistency';
import {
  allProblems,
  countProblems,
  formatConsistencyProblem,
  protocolLine,
  reportSummary,
} from '../ops/report-text';
import { RunningSimulator, startSimulator } from '../simulator';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_UNREACHABLE = 2;

const USAGE = [
  'usage: odoo-gateway-config-check [path/to/gateway.yaml] [--simulator]',
  '  path         gateway.yaml to check (default: $GATEWAY_CONFIG, else config/gateway.yaml)',
  '  --simulator  check against the built-in Odoo simulator (demo data) instead of odoo.url',
];

interface Options {
  configPath: string;
  simulator: boolean;
}

function parseArgs(argv: readonly string[], env: Record<string, string | undefined>): Options | string {
  let configPath: string | undefined;
  let simulator = false;
  for (const arg of argv) {
    if (arg === '--simulator') simulator = true;
    else if (arg.startsWith('-') || configPath !== undefined) return `unexpected argument: ${arg}`;
    else configPath = arg;
  }
  return { configPath: configPath ?? configPathFromEnv(env), simulator };
}

function loadOrReport(options: Options, env: Record<string, string | undefined>, out: Out) {
  try {
    return loadConfig({ configPath: options.configPath, env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) out(formatProblem(problem));
    const count = error.problems.length;
    out(
      `config check: ${count} problem${count === 1 ? '' : 's'} in the configuration files; Odoo was not checked`,
    );
    return undefined;
  }
}

type Out = (line: string) => void;

interface Target {
  odoo: OdooClient;
  simulator?: RunningSimulator;
}

/** The URL as ops may see it: scheme, host and path, never credentials or a query. */
function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

async function openTarget(config: GatewayConfig, useSimulator: boolean, out: Out): Promise<Target> {
  const { odoo } = config.settings;
  const limits = {
    timeoutMs: odoo.timeoutMs,
    connectTimeoutMs: odoo.connectTimeoutMs,
    maxConcurrency: odoo.maxConcurrency,
    protocol: odoo.protocol,
  };
  if (!useSimulator) {
    out(`Odoo: ${displayUrl(odoo.url)} (database "${odoo.db}", user "${odoo.username}")`);
    return { odoo: createOdooClient({ ...odoo, ...limits }) };
  }
  const simulator = await startSimulator({ seed: 'demo' });
  out(
    odoo.url === ''
      ? 'No odoo.url is set: checking against the built-in Odoo simulator (demo data), not a real Odoo'
      : '--simulator: checking against the built-in Odoo simulator (demo data), not the configured Odoo',
  );
  const settings = { url: simulator.url, db: simulator.db, username: simulator.username };
  return { simulator, odoo: createOdooClient({ ...settings, password: simulator.password, ...limits }) };
}

async function checkOnline(config: GatewayConfig, options: Options, out: Out): Promise<number> {
  let target: Target;
  try {
    target = await openTarget(config, options.simulator || config.settings.odoo.url === '', out);
  } catch (error) {
    // createOdooClient refuses an unusable URL or protocol before any call.
    out(`config check: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_PROBLEMS;
  }
  try {
    const report = await checkConfigAgainstOdoo(config, target.odoo);
    if (!report.odoo.reachable) {
      out(`Odoo is unreachable: ${report.odoo.error ?? 'no answer'}`);
      out(protocolLine(report.odoo));
      out('config check: the offline checks passed; the checks that need Odoo did not run');
      return EXIT_UNREACHABLE;
    }
    for (const problem of allProblems(report)) out(formatConsistencyProblem(problem));
    const { version, protocol, round_trip_ms: ms, uid } = report.odoo;
    out(
      `Odoo ${version ?? '?'} over ${protocol}${ms === undefined ? '' : `, ${ms} ms`}${uid === undefined ? '' : `, uid ${uid}`}`,
    );
    out(protocolLine(report.odoo));
    out(`config check: ${reportSummary(report)}`);
    return report.ok && countProblems(report).errors === 0 ? EXIT_OK : EXIT_PROBLEMS;
  } finally {
    await target.odoo.close();
    await target.simulator?.close();
  }
}

/** The whole command; returns the exit code. `out` receives each line (console.log when run as main). */
export async function runConfigCheck(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  out: Out,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    USAGE.forEach((line) => out(line));
    return EXIT_OK;
  }
  const options = parseArgs(argv, env);
  if (typeof options === 'string') {
    [options, ...USAGE].forEach((line) => out(line));
    return EXIT_PROBLEMS;
  }
  out(`Checking ${options.configPath}`);
  const config = loadOrReport(options, env, out);
  if (!config) return EXIT_PROBLEMS;
  out(
    `Offline checks passed: ${config.endpoints.size} endpoints, ${config.mappings.size - config.endpoints.size} mappings`,
  );
  return checkOnline(config, options, out);
}

if (require.main === module) {
  runConfigCheck(process.argv.slice(2), process.env, (line) => console.log(line)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`config check failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = EXIT_PROBLEMS;
    },
  );
}
