/**
 * What happened to each item of a write (one record or a batch), and the request-scoped context that
 * lets an Idempotency-Key retry resume an earlier attempt instead of repeating it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { GatewayError } from '../errors/gateway-error';
import { WriteMode } from '../mapping/input-schema';

export type ItemOutcome =
  | { index: number; ok: true; id: number; created: boolean }
  | {
      index: number;
      ok: false;
      error: GatewayError;
      /** Set when the write was sent and no answer came back (it may or may not have been applied): which write. */
      unknown?: WriteMode;
    };

export type ItemSuccess = Extract<ItemOutcome, { ok: true }>;

/** From an earlier attempt under the same Idempotency-Key and body. */
export interface ResumeState {
  /** Items already saved: reported again, never written again. */
  saved: ReadonlyMap<number, ItemSuccess>;
  /** Items whose write was sent without an answer, and which write it was. */
  unknown: ReadonlyMap<number, WriteMode>;
  /** The earlier attempt stopped without a word (its process died): every item not saved counts as lost. */
  everyItemLost?: boolean;
}

export interface WriteContext {
  resume?: ResumeState;
  /** Filled in by the writers once the items are settled. */
  outcomes?: readonly ItemOutcome[];
}

const storage = new AsyncLocalStorage<WriteContext>();

export function runWithWriteContext<T>(context: WriteContext, work: () => Promise<T>): Promise<T> {
  return storage.run(context, work);
}

export function currentWriteContext(): WriteContext | undefined {
  return storage.getStore();
}
