/**
 * `npm run simulator` options from the environment and command-line flags (flags win):
 * SIMULATOR_PORT / --port, SIMULATOR_HOST / --host, SIMULATOR_VERSION / --version (17, 18, 19),
 * SIMULATOR_MULTI_DB / --multi-db, SIMULATOR_STATELESS_MS / --stateless-ms,
 * SIMULATOR_LATENCY_MS / --latency-ms, SIMULATOR_DB / --db, SIMULATOR_SEED / --seed.
 */
import type { OdooVersion, SimulatorOptions } from './types';

const VERSIONS: readonly OdooVersion[] = [17, 18, 19];
const SEEDS = ['demo', 'base', 'contacts-demo'] as const;

function flagsOf(argv: readonly string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (match) flags[match[1]!] = match[2] ?? 'true';
  }
  return flags;
}

function count(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number >= 0, got "${text}"`);
  return n;
}

export function simulatorOptionsFrom(env: NodeJS.ProcessEnv, argv: readonly string[]): SimulatorOptions {
  const flags = flagsOf(argv);
  const pick = (flag: string, variable: string) => flags[flag] ?? env[variable];
  const version = count('version', pick('version', 'SIMULATOR_VERSION'), 18) as OdooVersion;
  if (!VERSIONS.includes(version))
    throw new Error(`version must be one of ${VERSIONS.join(', ')}, got ${version}`);
  const seed = pick('seed', 'SIMULATOR_SEED') ?? 'demo';
  if (!(SEEDS as readonly string[]).includes(seed))
    throw new Error(`seed must be one of ${SEEDS.join(', ')}`);
  const multiDb = pick('multi-db', 'SIMULATOR_MULTI_DB');
  return {
    port: count('port', pick('port', 'SIMULATOR_PORT'), 8069),
    host: pick('host', 'SIMULATOR_HOST') ?? '127.0.0.1',
    version,
    multiDb: multiDb === 'true' || multiDb === '1',
    statelessCallMs: count('stateless-ms', pick('stateless-ms', 'SIMULATOR_STATELESS_MS'), 0),
    latencyMs: count('latency-ms', pick('latency-ms', 'SIMULATOR_LATENCY_MS'), 0),
    db: pick('db', 'SIMULATOR_DB') ?? 'odoo',
    seed: seed as SimulatorOptions['seed'],
  };
}
