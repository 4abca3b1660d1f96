/** The gateway as production runs it: `node dist/src/index.js`, configured by environment variables only. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OdooConnection } from '../odoo/odoo-exec';
import type { ReadPlan } from '../options';
import { ServerChild, startServerChild } from './server-child';

/** dist/bench/processes → the repository root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface GatewayChildOptions {
  configPath: string;
  odoo: OdooConnection;
  cpuProfDir?: string;
  /**
   * ODOO_PROTOCOL for the gateway (the shipped config reads it); default: the config's, `auto`. Rows that
   * compare the gateway with a client making the same calls name it, so `auto` cannot pick another wire.
   */
  protocol?: GatewayProtocol;
  /**
   * ODOO_READ_PLAN for the gateway's `odoo.read_plan`. A gateway whose config does not read it ignores
   * the variable and reads with the classic plan (see gatewayReadsPlan in rows/transports-row.ts).
   */
  readPlan?: ReadPlan;
  /** STORE_URL: a PostgreSQL store, which wins over the config's `store:` (the store row). */
  storeUrl?: string;
  /** Variables the config reads besides the Odoo ones (the push row's signing secret). */
  env?: Record<string, string>;
}

export type GatewayProtocol = 'xmlrpc' | 'jsonrpc' | 'session' | 'json2';

export function startGatewayChild(options: GatewayChildOptions): Promise<ServerChild> {
  return startServerChild({
    script: path.join(REPO_ROOT, 'dist', 'src', 'index.js'),
    cwd: REPO_ROOT,
    env: {
      ...inheritedEnv(),
      GATEWAY_CONFIG: path.resolve(REPO_ROOT, options.configPath),
      ODOO_URL: options.odoo.url,
      ODOO_DB: options.odoo.db,
      ODOO_USERNAME: options.odoo.username,
      ODOO_PASSWORD: options.odoo.password,
      ...(options.protocol ? { ODOO_PROTOCOL: options.protocol } : {}),
      ...(options.readPlan ? { ODOO_READ_PLAN: options.readPlan } : {}),
      ...(options.storeUrl ? { STORE_URL: options.storeUrl } : {}),
      // The shipped config keeps its embedded store under ./data: a fresh folder per child instead, so a
      // run neither writes into the checkout nor measures against the audit rows of earlier runs.
      STORE_PATH: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-store-')),
      ...options.env,
    },
    nodeArgs: options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(options.cpuProfDir)] : [],
  });
}

/** The minimal Express route the gateway's own overhead is measured against (express-baseline.ts). */
export function startExpressBaselineChild(
  odoo: OdooConnection,
  maxConcurrency: number,
  protocol: 'xmlrpc' | 'jsonrpc' = 'xmlrpc',
): Promise<ServerChild> {
  return startServerChild({
    script: path.join(__dirname, 'express-baseline.js'),
    cwd: REPO_ROOT,
    env: {
      ...inheritedEnv(),
      ODOO_URL: odoo.url,
      ODOO_DB: odoo.db,
      ODOO_USERNAME: odoo.username,
      ODOO_PASSWORD: odoo.password,
      ODOO_MAX_CONCURRENCY: String(maxConcurrency),
      ODOO_PROTOCOL: protocol,
    },
  });
}

/**
 * Only what a process needs to run (PATH, HOME, locale, CA bundles) and the endpoint token: anything
 * else from the caller's shell (ODOO_PROTOCOL, RATE_LIMIT_MAX, RELATION_CACHE_TTL_MS...) would change
 * what is measured, so the shipped defaults of the config apply.
 */
const PASSED_ENV =
  /^(PATH|HOME|LANG|LC_[A-Z]+|TZ|TMPDIR|SHOP_TOKEN|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR)$/;

function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && PASSED_ENV.test(name)) env[name] = value;
  }
  return env;
}
