/**
 * What the bench reads from the gateway's own configuration before starting it: the settings the
 * other sides must share (queue limit, wire protocol), and whether this gateway has a read plan to set.
 */
import { loadConfig } from '../../src/config/load-config';
import type { BenchOptions } from '../options';

/** The config as the gateway child will load it, with placeholder credentials (nothing connects). */
function benchConfig(configPath: string, env: Record<string, string | undefined>) {
  return loadConfig({
    configPath,
    env: {
      SHOP_TOKEN: process.env.SHOP_TOKEN,
      ODOO_URL: 'http://127.0.0.1:1',
      ODOO_DB: 'bench',
      ODOO_USERNAME: 'bench',
      ODOO_PASSWORD: 'bench',
      ...env,
    },
  });
}

/**
 * The gateway's queue limit (applied to the direct client and the Express baseline too) and the wire
 * the CRUD rows pin it to: the one named by --gateway-protocol or the config, XML-RPC for `auto`, so
 * that it speaks what the direct XML-RPC client speaks and `auto` cannot pick a faster wire for it.
 */
export function gatewaySettings(options: BenchOptions): {
  maxConcurrency: number;
  protocol: 'xmlrpc' | 'jsonrpc';
} {
  const config = benchConfig(options.configPath, { ODOO_PROTOCOL: options.gatewayProtocol });
  if (!config.endpoints.has('customers')) {
    throw new Error(`${options.configPath} has no "customers" endpoint to measure`);
  }
  const { maxConcurrency, protocol } = config.settings.odoo;
  if (protocol === 'json2' || protocol === 'session')
    throw new Error(
      `the CRUD rows compare the gateway with an XML-RPC client: set protocol to xmlrpc, jsonrpc or auto, not ${protocol} (the transports row measures every wire)`,
    );
  return { maxConcurrency, protocol: protocol === 'jsonrpc' ? 'jsonrpc' : 'xmlrpc' };
}

/**
 * True when the gateway's config reads ODOO_READ_PLAN into `odoo.read_plan`; a gateway without that
 * setting reads with the classic plan whatever the bench passes.
 */
export function gatewayHasReadPlan(configPath: string): boolean {
  const { settings } = benchConfig(configPath, { ODOO_READ_PLAN: 'web' });
  const where: object[] = [settings.odoo, settings];
  return where.some((part) => 'readPlan' in part && part.readPlan === 'web');
}
