/**
 * Settings a hot reload cannot apply to a running gateway: the listening socket, the Odoo client and
 * its credentials, the logger, the proxy trust, the store and the audit settings are built once at start.
 * A reload that changes them says so instead of pretending they took effect.
 */
import { GatewaySettings } from './types';

const RESTART_ONLY = [
  'server',
  'odoo',
  'logging',
  'idempotency',
  'store',
  'audit',
  'shutdownTimeoutMs',
] as const;

const YAML_NAMES: Record<(typeof RESTART_ONLY)[number], string> = {
  server: 'server',
  odoo: 'odoo',
  logging: 'logging',
  idempotency: 'idempotency',
  store: 'store',
  audit: 'audit',
  shutdownTimeoutMs: 'shutdown_timeout_ms',
};

/** gateway.yaml sections that differ between two loads and only take effect after a restart. */
export function settingsNeedingRestart(before: GatewaySettings, after: GatewaySettings): string[] {
  return RESTART_ONLY.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).map(
    (key) => YAML_NAMES[key],
  );
}
