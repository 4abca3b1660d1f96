/**
 * Writes audit rows after the response, in batches: a request never waits for the audit table, and
 * never loses its answer to it. When the store refuses a batch, the rows are counted in
 * `gateway_audit_rows_lost_total` (/metrics) and logged without payloads, and the next batch tries
 * again. `flush()` waits for everything queued (shutdown, tests).
 */
import { Counter, Registry } from 'prom-client';
import type winston from 'winston';
import { AuditEvent, AuditLog } from '../store/audit-event';

/** Rows queued at most; beyond, the oldest are dropped and counted lost (a store down for long). */
const MAX_QUEUED = 10_000;
/** Rows per INSERT. */
const BATCH_ROWS = 500;

export interface AuditRecorder {
  add(events: readonly AuditEvent[]): void;
  flush(): Promise<void>;
}

export function createAuditRecorder(
  log: AuditLog,
  logger: winston.Logger,
  registry: Registry,
): AuditRecorder {
  const lost = new Counter({
    name: 'gateway_audit_rows_lost_total',
    help: 'Audit rows that could not be written to the store (the requests were answered all the same)',
    registers: [registry],
  });
  const queue: AuditEvent[] = [];
  let running: Promise<void> | undefined;

  const reportLost = (events: readonly AuditEvent[], error: unknown): void => {
    lost.inc(events.length);
    logger.error('audit rows could not be written; the requests were answered', {
      error: errorName(error),
      rows: events.map(summary),
    });
  };
  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue.splice(0, BATCH_ROWS);
      await log.record(batch).catch((error: unknown) => reportLost(batch, error));
    }
    running = undefined;
  };
  return {
    add(events) {
      queue.push(...events);
      if (queue.length > MAX_QUEUED) reportLost(queue.splice(0, queue.length - MAX_QUEUED), 'queue full');
      // After the current I/O turn: the response is on its way before the insert starts.
      running ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
    },
    async flush() {
      while (running) await running;
    },
  };
}

/** What ops need to redo a lost row by hand; never the payload. */
function summary(event: AuditEvent): Record<string, unknown> {
  return {
    at: new Date(event.at).toISOString(),
    endpoint: event.endpoint,
    method: event.method,
    caller: event.caller,
    identifier: event.identifier,
    odoo_ids: event.odooIds,
    outcome: event.outcome,
    status: event.status,
    request_id: event.requestId,
    batch_index: event.batchIndex,
  };
}

/** A code or class name only: a database's message may quote SQL, which stays out of logs. */
function errorName(error: unknown): string {
  if (typeof error === 'string') return error;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'unknown error';
}
