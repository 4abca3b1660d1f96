/** Is Odoo there, which version, how fast, and does the gateway's login work. */
import { performance } from 'node:perf_hooks';
import { GatewayError } from '../errors/gateway-error';
import type { OdooClient } from '../odoo/odoo-client';
import type { OdooStatus } from './consistency-types';

/** The message of a classified error; anything else is a gateway bug and says nothing of Odoo's internals. */
export function safeMessage(error: unknown): string {
  return error instanceof GatewayError ? error.message : 'Odoo could not be checked (unexpected error)';
}

export async function probeOdoo(odoo: OdooClient): Promise<OdooStatus> {
  const status: OdooStatus = { reachable: false, protocol: odoo.protocol };
  const started = performance.now();
  try {
    const info = await odoo.version();
    status.round_trip_ms = Math.round(performance.now() - started);
    status.version = String(info.server_version);
    status.reachable = true;
    // With protocol auto, reaching Odoo settled the protocol: report the one in use.
    status.protocol = odoo.protocol;
  } catch (error) {
    return { ...status, error: safeMessage(error) };
  }
  try {
    status.uid = await odoo.authenticate();
  } catch (error) {
    status.error = safeMessage(error);
  }
  return status;
}
