/** Is Odoo there, which version, how fast, which protocol and why, and does the gateway's login work. */
import { performance } from 'node:perf_hooks';
import { GatewayError } from '../errors/gateway-error';
import { EXPLICIT_REASON } from '../odoo/auto-protocol';
import type { OdooClient } from '../odoo/odoo-client';
import type { OdooStatus } from './consistency-types';

/** Why `protocol` is `auto` in a report: the client has not reached Odoo yet, so nothing was chosen. */
export const UNSETTLED_REASON = 'not settled: Odoo unreachable';

/** The message of a classified error; anything else is a gateway bug and says nothing of Odoo's internals. */
export function safeMessage(error: unknown): string {
  return error instanceof GatewayError ? error.message : 'Odoo could not be checked (unexpected error)';
}

export async function probeOdoo(odoo: OdooClient): Promise<OdooStatus> {
  const status: OdooStatus = {
    reachable: false,
    protocol: odoo.protocol,
    protocol_reason: odoo.protocol === 'auto' ? UNSETTLED_REASON : EXPLICIT_REASON,
  };
  const started = performance.now();
  try {
    const info = await odoo.version();
    status.round_trip_ms = Math.round(performance.now() - started);
    status.version = String(info.server_version);
    status.reachable = true;
    if (status.protocol === 'auto') {
      // Reaching Odoo settled the protocol (a cached answer now, no call): report the one in use, and why.
      const connection = await odoo.connection();
      status.protocol = connection.protocol;
      status.protocol_reason = connection.reason;
    }
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
