/**
 * Tells ops, once, which protocol the gateway speaks to Odoo and why. Asked at start; when Odoo is
 * unreachable then, the choice is logged when it is made later: the first successful Odoo call (any
 * request's) asks again, and that question shares the client's settling or its cached answer, so it
 * never adds a probe or a login.
 */
import type winston from 'winston';
import type { OdooCallInfo, OdooClient, OdooConnectionInfo } from '../odoo/odoo-client';
import { safeMessage, UNSETTLED_REASON } from './odoo-probe';

export const SETTLED_MESSAGE = 'odoo connection settled';
export const UNREACHABLE_AT_START_MESSAGE =
  'Odoo could not be reached at start; the protocol is chosen, and logged, on the first successful connection';

export interface ConnectionAnnouncer {
  /** Give it to the Odoo client's observer: a successful call while nothing is announced asks again. */
  onCallEnd(info: OdooCallInfo): void;
  /** Asks `odoo.connection()` once now; resolves when that answer (or failure) is logged. */
  start(odoo: OdooClient): Promise<void>;
  /** No more questions; resolves when the one in progress is done (so nothing logs after a close). */
  stop(): Promise<void>;
}

export function createConnectionAnnouncer(
  logger: winston.Logger,
  onSettled: (info: OdooConnectionInfo) => void = () => undefined,
): ConnectionAnnouncer {
  let odoo: OdooClient | undefined;
  let announced = false;
  let stopped = false;
  let asking: Promise<void> | undefined;

  const ask = (client: OdooClient, atStart: boolean): Promise<void> => {
    asking ??= client
      .connection()
      .then(
        (info) => {
          if (announced) return;
          announced = true;
          logger.info(SETTLED_MESSAGE, {
            protocol: info.protocol,
            reason: info.reason,
            server_version: info.serverVersion,
          });
          onSettled(info);
        },
        (error: unknown) => {
          if (!atStart) return; // said once at start; a later failed attempt is the request's to report
          logger.warn(UNREACHABLE_AT_START_MESSAGE, {
            protocol: client.protocol,
            reason: client.protocol === 'auto' ? UNSETTLED_REASON : undefined,
            error: safeMessage(error),
          });
        },
      )
      .finally(() => (asking = undefined));
    return asking;
  };

  return {
    onCallEnd(info) {
      if (info.outcome === 'ok' && odoo && !announced && !stopped) void ask(odoo, false);
    },
    start(client) {
      odoo = client;
      return ask(client, true);
    },
    async stop() {
      stopped = true;
      await asking;
    },
  };
}
