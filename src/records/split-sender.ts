/**
 * Sends a list in one Odoo call, and when Odoo refuses the values (it rolled the whole call back),
 * sends each half again until the refused entries are isolated: about 2·log2(n) extra calls per bad
 * entry, and the good ones are saved. A call that fails for another reason (timeout, connection) is
 * never split or repeated, and nothing more is sent after it by the same sender.
 */
import { GatewayError } from '../errors/gateway-error';
import { isItemError, toGatewayError } from './write-errors';

export type SendResult<R> =
  | { ok: true; value: R }
  /** Odoo answered and refused this entry's values. */
  | { ok: false; why: 'refused'; error: GatewayError }
  /** The call carrying this entry failed without a verdict on the values: it may have been applied. */
  | { ok: false; why: 'failed'; error: GatewayError }
  /** Not sent: an earlier call of the same sender failed (`error` is that failure). */
  | { ok: false; why: 'not-sent'; error: GatewayError };

export class SplitSender {
  /** The failure that stopped this sender, if any. */
  private stopped: GatewayError | undefined;

  constructor(
    /** False for all-or-nothing: a refused call is reported for all its entries, never split. */
    private readonly split: boolean,
    /** Gives an error the context of the call (e.g. the key of the line a message names). */
    private readonly explain: (error: GatewayError) => GatewayError = (error) => error,
  ) {}

  /** One result per entry, in order. `call` returns one value per entry it was given. */
  async send<T, R>(
    entries: readonly T[],
    call: (part: readonly T[]) => Promise<R[]>,
  ): Promise<SendResult<R>[]> {
    return this.attempt(entries, call);
  }

  /**
   * `culprit` is the error of a parent call whose other half went through: a single entry left is
   * then known to be at fault without asking again.
   */
  private async attempt<T, R>(
    entries: readonly T[],
    call: (part: readonly T[]) => Promise<R[]>,
    culprit?: GatewayError,
  ): Promise<SendResult<R>[]> {
    if (this.stopped)
      return entries.map(() => ({ ok: false, why: 'not-sent', error: this.stopped as GatewayError }));
    if (culprit && entries.length === 1) return [{ ok: false, why: 'refused', error: culprit }];
    try {
      const values = await call(entries);
      return entries.map((_, position) => ({ ok: true, value: values[position] as R }));
    } catch (raw) {
      const error = this.explain(toGatewayError(raw));
      if (!isItemError(error)) {
        this.stopped = error;
        return entries.map(() => ({ ok: false, why: 'failed', error }));
      }
      if (!this.split || entries.length === 1)
        return entries.map(() => ({ ok: false, why: 'refused', error }));
      const middle = Math.ceil(entries.length / 2);
      const head = await this.attempt(entries.slice(0, middle), call);
      const headSaved = head.every((result) => result.ok);
      const tail = await this.attempt(entries.slice(middle), call, headSaved ? error : undefined);
      return [...head, ...tail];
    }
  }
}
