/**
 * `Idempotency-Key` on POST and PUT (api.md): the first request's response is kept under the key and
 * the client; a retry with the same key and body gets it again without touching Odoo; a retry after
 * an interrupted attempt (timeout, connection lost) resumes it without writing anything twice; the
 * same key with another request is a 422; a concurrent twin waits, then gets a 409. Entries live in
 * the store (shared by replicas on PostgreSQL), counted against the caller's quota; a store that
 * cannot take the claim stops the write before Odoo with a 503.
 */
import type { Request } from 'express';
import { GatewaySettings } from '../config/types';
import { ValidationError } from '../errors/errors';
import { IdempotencyGate } from '../idempotency/idempotency-gate';
import { IdempotencyStore, StoredResponse } from '../idempotency/idempotency-store';
import { parseIdempotencyKey, requestFingerprint, scopedKey } from '../idempotency/fingerprint';
import { settlementFor, toResumeState } from '../idempotency/settlement';
import { ResumeState } from '../records/write-outcome';
import { HandlerInput } from './endpoint-handlers';
import { callerOf } from './audit-caller';
import { ensureRequestContext } from '../context/request-context';
import { fromStore } from './store-errors';
import { WriteReply, responseOf } from './write-reply';

export { MemoryIdempotencyStore } from '../idempotency/memory-store';
export type { IdempotencyStore } from '../idempotency/idempotency-store';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

export interface IdempotencyOptions {
  /** How long a concurrent duplicate waits for the first request. Default 5 s. */
  waitMs?: number;
  /** How long a running request holds its key before a retry may presume it dead. Default 10 min. */
  leaseMs?: number;
  pollMs?: number;
  now?: () => number;
  /** Told when the store fails while recording an outcome (the response goes out all the same). */
  onStoreError?: (error: unknown, requestId: string) => void;
}

/** Runs a write handler under the request's Idempotency-Key; `run` gets what an earlier attempt left. */
export type IdempotentWrapper = (
  input: HandlerInput,
  run: (resume: ResumeState | undefined) => Promise<WriteReply>,
) => Promise<WriteReply>;

export function createIdempotency(
  store: IdempotencyStore,
  settings: Pick<GatewaySettings['idempotency'], 'ttlSeconds'>,
  options: IdempotencyOptions = {},
): IdempotentWrapper {
  const gate = new IdempotencyGate(store, {
    ttlMs: settings.ttlSeconds * 1000,
    leaseMs: options.leaseMs ?? 10 * 60_000,
    waitMs: options.waitMs ?? 5000,
    pollMs: options.pollMs ?? 50,
    now: options.now ?? Date.now,
  });
  return async ({ req, res }, run) => {
    const header = req.get(IDEMPOTENCY_HEADER);
    if (header === undefined) return run(undefined);
    const idempotencyKey = parseIdempotencyKey(header);
    if (idempotencyKey === undefined) {
      throw new ValidationError(`${IDEMPOTENCY_HEADER}: must be 1 to 255 visible ASCII characters`);
    }
    const key = scopedKey({
      idempotencyKey,
      authorization: req.get('authorization'),
      method: req.method,
      path: pathOf(req),
    });
    const fingerprint = requestFingerprint(req.body, req.query, req.get('prefer'));
    const admission = await fromStore(() => gate.admit(key, fingerprint, callerOf(req)));
    if (admission.kind === 'replay') return replayOf(admission.response);
    const reply = await run(toResumeState(admission.resume, admission.everyItemLost)).catch(
      (error: unknown): WriteReply => ({ error }),
    );
    // Settled before the answer goes out: a retry arriving right after it finds the outcome stored.
    const settlement = settlementFor(responseOf(req, res, reply), reply.outcomes);
    await gate
      .settle(key, admission.owner, fingerprint, settlement)
      .catch((error: unknown) => options.onStoreError?.(error, ensureRequestContext(req, res).requestId));
    return reply;
  };
}

/** The stored response again, headers included, marked as a replay. */
function replayOf(stored: StoredResponse): WriteReply {
  const headers = { ...stored.headers, [REPLAYED_HEADER]: 'true' };
  return { response: { status: stored.status, body: stored.body, headers } };
}

/** As sent: identifiers are case-sensitive in Odoo (`/customers/c-1` is not `/customers/C-1`). */
function pathOf(req: Request): string {
  return req.originalUrl.split('?')[0] ?? '';
}
