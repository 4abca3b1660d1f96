/**
 * What happened to each item of a write (one record or a batch), and what an earlier attempt under
 * the same Idempotency-Key left for a retry to resume. Plain values: the writers return them, the
 * handlers answer with them, the idempotency layer stores them.
 */
import { GatewayError } from '../errors/gateway-error';
import { WriteMode } from '../mapping/input-schema';

export type ItemOutcome =
  | {
      index: number;
      ok: true;
      id: number;
      created: boolean;
      /** The record as the write's own `web_save` read it back (WriteOptions.readBack); never stored. */
      readBack?: Readonly<Record<string, unknown>>;
    }
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
