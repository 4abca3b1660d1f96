/**
 * The outbound push's durable part (docs/outbound.md): per endpoint, the change feed's cursor, the
 * poller's lease and the pause switch; and the queue of deliveries. Shared by every replica on
 * PostgreSQL: the lease lets one replica poll an endpoint at a time, claims let one send a delivery.
 */

/** A delivery about to be queued: its id and body are final, a retry resends them unchanged. */
export interface NewDelivery {
  id: string;
  /** The exact JSON body to POST. */
  payload: string;
  eventIds: readonly string[];
  /** Epoch ms of the oldest change in it. */
  oldestChangeAt: number;
}

/** What a receiver answered (or why it did not); secrets never reach it. */
export interface DeliveryAnswer {
  status?: number;
  error?: string;
  /** The response body, cut to a few KB. */
  response?: string;
}

export interface Delivery extends NewDelivery {
  endpoint: string;
  state: 'pending' | 'dead';
  createdAt: number;
  /** Attempts made so far; a claim counts as one. */
  attempts: number;
  nextAttemptAt: number;
  last: DeliveryAnswer;
}

export interface OutboundState {
  endpoint: string;
  /** Null until the first poll. */
  cursor: string | null;
  paused: boolean;
  /** When the cursor was last saved, epoch ms. */
  updatedAt: number;
}

export interface QueueSummary {
  endpoint: string;
  pending: number;
  dead: number;
  /** Epoch ms of the oldest change in a pending delivery, if any. */
  oldestPendingAt?: number;
}

/**
 * A delivery as the admin API lists it: without its body, which the list never shows and which is up
 * to batch_size records (a page of 500 such bodies would be hundreds of megabytes in memory).
 */
export type ListedDelivery = Omit<Delivery, 'payload'>;

export interface DeliveryPage {
  deliveries: ListedDelivery[];
  total: number;
}

export type ReplayResult = 'replayed' | 'unknown' | 'in-flight';

export interface OutboundQueue {
  /**
   * Takes or renews `endpoint`'s poller lease for `holder`; the state when held, undefined when
   * another replica holds a lease that has not expired.
   */
  takeLease(endpoint: string, holder: string, leaseMs: number): Promise<OutboundState | undefined>;
  /** Gives the lease up (graceful stop), so another replica polls at once. */
  releaseLease(endpoint: string, holder: string): Promise<void>;
  /**
   * In one transaction: moves the cursor from `from` to `to` and queues `deliveries` — only while
   * `holder` has the lease, the endpoint is not paused and the cursor is still `from` (so a page is
   * never queued twice, nor after a pause or a cursor reset). False when nothing was written.
   */
  commitPage(
    endpoint: string,
    holder: string,
    from: string | null,
    to: string,
    deliveries: readonly NewDelivery[],
  ): Promise<boolean>;
  /**
   * Claims up to `limit` due pending deliveries for `claimMs` and counts an attempt on each; none
   * while the endpoint is paused (checked in the same statement, so no claim follows a pause).
   */
  claim(endpoint: string, holder: string, limit: number, claimMs: number): Promise<Delivery[]>;
  /** Removes a delivered delivery. */
  delivered(id: string): Promise<void>;
  /** Releases the claim; the delivery is due again at `at`. */
  retryAt(id: string, holder: string, at: number, answer: DeliveryAnswer): Promise<void>;
  /** Moves a delivery to the dead letters. */
  dead(id: string, holder: string, answer: DeliveryAnswer): Promise<void>;
  state(endpoint: string): Promise<OutboundState | undefined>;
  setPaused(endpoint: string, paused: boolean): Promise<void>;
  /** Moves the cursor (admin reset, backfill); the poller's page in progress is then not committed. */
  setCursor(endpoint: string, cursor: string): Promise<void>;
  list(endpoint: string, state: Delivery['state'], limit: number, offset: number): Promise<DeliveryPage>;
  /**
   * Makes one delivery (dead or pending) due now with a fresh count of attempts. `in-flight`: it is
   * claimed and being sent (claim not expired), so it is left alone — a second POST would run beside it.
   */
  replay(endpoint: string, id: string): Promise<ReplayResult>;
  /** Replays every dead delivery of the endpoint; returns how many. */
  replayDead(endpoint: string): Promise<number>;
  /** Queue depth per endpoint that has deliveries. */
  summary(): Promise<QueueSummary[]>;
}
