/**
 * Turns a page of changes into deliveries: the events the endpoint pushes, `batch_size` to a POST,
 * each with its final body. A delivery's id is a hash of its endpoint and event ids, so the same
 * events queued twice (a page read again) are one row, and a resend carries the same id.
 */
import { createHash } from 'node:crypto';
import type { OutboundConfig } from '../config/types';
import type { NewDelivery } from '../store/outbound-queue';
import type { Change } from './change-source';

/** The body a receiver gets (docs/outbound.md). */
export interface DeliveryBody {
  endpoint: string;
  delivery_id: string;
  events: Array<{ event_id: string; event: string; changed_at: string; record: Record<string, unknown> }>;
}

export function toDeliveries(
  endpoint: string,
  outbound: Pick<OutboundConfig, 'events' | 'batchSize'>,
  changes: readonly Change[],
): NewDelivery[] {
  const wanted = changes.filter((change) => outbound.events.includes(change.event));
  const deliveries: NewDelivery[] = [];
  for (let start = 0; start < wanted.length; start += outbound.batchSize) {
    deliveries.push(toDelivery(endpoint, wanted.slice(start, start + outbound.batchSize)));
  }
  return deliveries;
}

function toDelivery(endpoint: string, changes: readonly Change[]): NewDelivery {
  const eventIds = changes.map((change) => change.eventId);
  const id = createHash('sha256')
    .update(`${endpoint}\n${eventIds.join('\n')}`)
    .digest('hex')
    .slice(0, 32);
  const body: DeliveryBody = {
    endpoint,
    delivery_id: id,
    events: changes.map((change) => ({
      event_id: change.eventId,
      event: change.event,
      changed_at: change.changedAt,
      record: change.record,
    })),
  };
  const times = changes.map((change) => Date.parse(change.changedAt)).filter(Number.isFinite);
  return {
    id,
    payload: JSON.stringify(body),
    eventIds,
    oldestChangeAt: times.length > 0 ? Math.min(...times) : Date.now(),
  };
}
