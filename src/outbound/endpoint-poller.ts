/**
 * One endpoint's poller: each tick it takes (or renews) the endpoint's lease in the store, and if it
 * holds it and the endpoint is not paused, reads the change feed from the stored cursor to its end
 * (at most MAX_PAGES_PER_TICK pages). Each page's deliveries and the cursor after it are saved in one
 * transaction, so a crash between two pages loses nothing and queues nothing twice. The commit is
 * refused once the endpoint is paused or its cursor was reset: the round ends there (the page read
 * meanwhile is read again after the resume).
 */
import type { EndpointDef, OutboundConfig } from '../config/types';
import type { OutboundQueue } from '../store/outbound-queue';
import type { ChangeSource } from './change-source';
import { toDeliveries } from './deliveries';

/** Changes read per page of the feed, at least (see pageSize). */
export const FEED_PAGE_SIZE = 100;
const MAX_PAGES_PER_TICK = 20;
/** A lease outlives a few missed ticks, so a slow tick does not hand the endpoint to another replica. */
const MIN_LEASE_MS = 5000;

export function leaseMs(outbound: OutboundConfig): number {
  return Math.max(MIN_LEASE_MS, outbound.intervalS * 3000);
}

/**
 * A whole number of batches, at least FEED_PAGE_SIZE: a page is cut into deliveries on its own, so a
 * page shorter than batch_size (or not a multiple of it) would send smaller POSTs than configured.
 */
export function pageSize(outbound: OutboundConfig): number {
  return outbound.batchSize * Math.ceil(FEED_PAGE_SIZE / outbound.batchSize);
}

export interface PollerDeps {
  queue: OutboundQueue;
  source: ChangeSource;
  holder: string;
  /** Called when deliveries were queued (wakes this process's sender). */
  onQueued: (count: number) => void;
}

/** One tick; returns how many deliveries it queued. Errors (store, Odoo) are the caller's to log. */
export async function pollOnce(
  deps: PollerDeps,
  endpoint: EndpointDef,
  outbound: OutboundConfig,
): Promise<number> {
  const { queue, source, holder } = deps;
  const state = await queue.takeLease(endpoint.name, holder, leaseMs(outbound));
  if (!state || state.paused) return 0;
  if (state.cursor === null) {
    // First start: from now on. What changed before the push was configured is not sent.
    await queue.commitPage(endpoint.name, holder, null, source.start(endpoint), []);
    return 0;
  }
  let cursor = state.cursor;
  let queued = 0;
  for (let page = 0; page < MAX_PAGES_PER_TICK; page++) {
    const read = await source.read(endpoint, cursor, pageSize(outbound));
    const deliveries = toDeliveries(endpoint.name, outbound, read.changes);
    if (!(await queue.commitPage(endpoint.name, holder, cursor, read.nextCursor, deliveries))) break;
    queued += deliveries.length;
    if (deliveries.length > 0) deps.onQueued(deliveries.length);
    cursor = read.nextCursor;
    if (!read.hasMore) break;
  }
  return queued;
}
