/**
 * The push of one endpoint in this process: a poll loop (every interval_s) and a send loop (when
 * woken by the poller, else every SEND_IDLE_MS for retries that came due), both reading the endpoint
 * from the configuration in force at each turn, so hot reloads apply. Paused endpoints (admin API,
 * state in the store) neither read nor send: the store refuses a page's commit and a claim once the
 * pause is stored, so a poll round in progress stops at its next page and no new POST starts.
 */
import type winston from 'winston';
import { InvalidCursorError } from '../changes/feed-cursor';
import type { EndpointDef, GatewayConfig, OutboundConfig } from '../config/types';
import { GatewayError } from '../errors/gateway-error';
import type { OutboundQueue } from '../store/outbound-queue';
import type { ChangeSource } from './change-source';
import { pollOnce } from './endpoint-poller';
import { unreadableCursorMessage } from './stored-cursor';
import { DeliveryOutcome, sendDue } from './endpoint-sender';
import { Wakeup } from './wakeup';

const SEND_IDLE_MS = 1000;

export interface WorkerDeps {
  getConfig: () => GatewayConfig;
  queue: OutboundQueue;
  source: ChangeSource;
  holder: string;
  logger: winston.Logger;
  onOutcome: (endpoint: string, outcome: DeliveryOutcome) => void;
}

export class EndpointWorker {
  private stopping = false;
  private readonly abort = new AbortController();
  private readonly pollWake = new Wakeup();
  private readonly sendWake = new Wakeup();
  /** The stored cursor last reported as unreadable: it is logged once, not at every poll. */
  private reportedCursor?: string;
  /** Settles when both loops have ended (stopped, or the endpoint lost its outbound block). */
  readonly finished: Promise<void>;

  constructor(
    readonly name: string,
    private readonly deps: WorkerDeps,
  ) {
    this.finished = Promise.all([this.pollLoop(), this.sendLoop()]).then(() => undefined);
  }

  /** Stops reading and claiming; POSTs in flight get `graceMs` to finish, then are aborted. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    this.pollWake.wake();
    this.sendWake.wake();
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.finished, graceOver]);
    clearTimeout(timer);
    // An aborted POST is not recorded: its claim expires and the delivery is sent again, same id.
    this.abort.abort();
    await this.finished;
    await this.deps.queue.releaseLease(this.name, this.deps.holder).catch(() => undefined);
  }

  private current(): { endpoint: EndpointDef; outbound: OutboundConfig } | undefined {
    const endpoint = this.deps.getConfig().endpoints.get(this.name);
    return endpoint?.outbound ? { endpoint, outbound: endpoint.outbound } : undefined;
  }

  private async pollLoop(): Promise<void> {
    while (!this.stopping) {
      const now = this.current();
      if (!now) return;
      try {
        await pollOnce({ ...this.deps, onQueued: () => this.sendWake.wake() }, now.endpoint, now.outbound);
      } catch (error) {
        if (error instanceof InvalidCursorError) await this.reportCursor(error);
        else {
          this.deps.logger.warn('outbound: reading the change feed failed; retrying next interval', {
            endpoint: this.name,
            error: describe(error),
          });
        }
      }
      if (!this.stopping) await this.pollWake.wait(now.outbound.intervalS * 1000);
    }
  }

  /**
   * A stored cursor the feed cannot read (written by an older version, or edited by hand) fails every
   * poll the same way until an admin resets it: one error naming the fix, not a warning per poll.
   */
  private async reportCursor(error: InvalidCursorError): Promise<void> {
    const cursor = (await this.deps.queue.state(this.name).catch(() => undefined))?.cursor ?? undefined;
    if (cursor !== undefined && cursor === this.reportedCursor) return;
    this.reportedCursor = cursor;
    this.deps.logger.error(`outbound: ${unreadableCursorMessage(this.name)}`, {
      endpoint: this.name,
      error: error.message,
    });
  }

  private async sendLoop(): Promise<void> {
    while (!this.stopping) {
      const now = this.current();
      if (!now) return;
      let claimed = 0;
      try {
        // A paused endpoint's claim comes back empty (the store checks the pause in the claim itself).
        claimed = await sendDue(
          {
            ...this.deps,
            onOutcome: (endpoint, outcome, delivery, result) =>
              this.report(endpoint, outcome, delivery.id, delivery.attempts, result.answer),
          },
          now.endpoint,
          now.outbound,
          this.abort.signal,
        );
      } catch (error) {
        if (this.abort.signal.aborted) return;
        this.deps.logger.warn('outbound: sending failed; retrying', {
          endpoint: this.name,
          error: describe(error),
        });
      }
      if (claimed === 0 && !this.stopping) await this.sendWake.wait(SEND_IDLE_MS);
    }
  }

  private report(
    endpoint: string,
    outcome: DeliveryOutcome,
    id: string,
    attempts: number,
    answer: { status?: number; error?: string },
  ): void {
    this.deps.onOutcome(endpoint, outcome);
    const fields = { endpoint, delivery_id: id, attempts, status: answer.status, error: answer.error };
    if (outcome === 'dead') this.deps.logger.warn('outbound delivery moved to the dead letters', fields);
    else if (outcome === 'retried') this.deps.logger.info('outbound delivery failed; will retry', fields);
    else this.deps.logger.debug('outbound delivery delivered', fields);
  }
}

/** What a log may say about a failure: a gateway error's message, else a code or a class name (no SQL). */
function describe(error: unknown): string {
  if (error instanceof GatewayError) return error.message;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'unknown error';
}
