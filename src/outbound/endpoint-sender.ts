/**
 * One endpoint's sender: claims due deliveries (at most MAX_IN_FLIGHT at a time per replica), POSTs
 * them and records the outcome. A claim lasts the POST's timeout plus a margin; a replica killed
 * mid-POST leaves claims that expire, and another replica (or this one restarted) sends the same
 * delivery again, same id and body.
 */
import type { EndpointDef, OutboundConfig } from '../config/types';
import type { Delivery, OutboundQueue } from '../store/outbound-queue';
import { retryWaitMs } from './backoff';
import { postDelivery, PostOutcome } from './post-delivery';

export const MAX_IN_FLIGHT = 4;
const CLAIM_MARGIN_MS = 5000;

export type DeliveryOutcome = 'delivered' | 'retried' | 'dead';

export interface SenderDeps {
  queue: OutboundQueue;
  holder: string;
  /** After each attempt is recorded: for metrics and the log (`result.answer` says why). */
  onOutcome: (endpoint: string, outcome: DeliveryOutcome, delivery: Delivery, result: PostOutcome) => void;
  random?: () => number;
  now?: () => number;
}

/** Claims and sends one round; returns how many were claimed. `signal` aborts POSTs on shutdown. */
export async function sendDue(
  deps: SenderDeps,
  endpoint: EndpointDef,
  outbound: OutboundConfig,
  signal: AbortSignal,
): Promise<number> {
  const claimed = await deps.queue.claim(
    endpoint.name,
    deps.holder,
    MAX_IN_FLIGHT,
    outbound.timeoutMs + CLAIM_MARGIN_MS,
  );
  const sent = await Promise.allSettled(
    claimed.map((delivery) => sendOne(deps, endpoint.name, outbound, delivery, signal)),
  );
  // Each delivery ran to its end; a failure (the store, or the stop) is reported once, for all.
  const failed = sent.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return claimed.length;
}

async function sendOne(
  deps: SenderDeps,
  endpoint: string,
  outbound: OutboundConfig,
  delivery: Delivery,
  signal: AbortSignal,
): Promise<void> {
  const result = await postDelivery({
    url: outbound.url,
    endpoint,
    deliveryId: delivery.id,
    auth: outbound.auth,
    body: delivery.payload,
    timeoutMs: outbound.timeoutMs,
    signal,
  });
  const { queue, holder } = deps;
  if (result.kind === 'delivered') {
    await queue.delivered(delivery.id);
    deps.onOutcome(endpoint, 'delivered', delivery, result);
  } else if (result.kind === 'dead' || delivery.attempts >= outbound.maxAttempts) {
    await queue.dead(delivery.id, holder, result.answer);
    deps.onOutcome(endpoint, 'dead', delivery, result);
  } else {
    const wait = retryWaitMs(outbound.backoff, delivery.attempts, result.retryAfterMs, deps.random);
    await queue.retryAt(delivery.id, holder, (deps.now ?? Date.now)() + wait, result.answer);
    deps.onOutcome(endpoint, 'retried', delivery, result);
  }
}
