/**
 * What the push row's receiver has been sent, counted the way a receiver that must not apply an
 * event twice would: every POST, every event in it, the distinct event ids, and the repeats (the
 * same event id again, in a resent delivery or in another one). Only this run's records count
 * towards "all of them arrived": other changes the feed may carry are counted apart.
 */

export interface ReceivedEvents {
  /** POSTs taken (answered 200). */
  deliveries: number;
  /** Delivery ids seen more than once (a resend of the same POST). */
  repeatedDeliveries: number;
  /** Events in the POSTs taken, repeats included. */
  events: number;
  /** Events whose id had already arrived. */
  duplicates: number;
  /** Distinct events of this run's records. */
  ours: number;
  /** Distinct events of other records (changes made around the run by others). */
  others: number;
  /** POSTs refused: a bad signature or a body that is not a delivery. */
  refused: number;
  readonly eventIds: Set<string>;
  readonly deliveryIds: Set<string>;
}

export function emptyReceived(): ReceivedEvents {
  return {
    deliveries: 0,
    repeatedDeliveries: 0,
    events: 0,
    duplicates: 0,
    ours: 0,
    others: 0,
    refused: 0,
    eventIds: new Set(),
    deliveryIds: new Set(),
  };
}

interface DeliveryEvent {
  event_id: string;
  record: Record<string, unknown>;
}

/**
 * Counts one POST body (already parsed). Returns false, counting it as refused, when it is not a
 * delivery `{delivery_id, events: [{event_id, record}, ...]}`: the receiver then answers 400.
 */
export function receiveDelivery(
  received: ReceivedEvents,
  body: unknown,
  isOurs: (record: Record<string, unknown>) => boolean,
): boolean {
  if (!isDelivery(body)) {
    received.refused += 1;
    return false;
  }
  received.deliveries += 1;
  if (received.deliveryIds.has(body.delivery_id)) received.repeatedDeliveries += 1;
  received.deliveryIds.add(body.delivery_id);
  for (const event of body.events) {
    received.events += 1;
    if (received.eventIds.has(event.event_id)) {
      received.duplicates += 1;
      continue;
    }
    received.eventIds.add(event.event_id);
    if (isOurs(event.record)) received.ours += 1;
    else received.others += 1;
  }
  return true;
}

function isDelivery(body: unknown): body is { delivery_id: string; events: DeliveryEvent[] } {
  if (!isObject(body) || typeof body.delivery_id !== 'string' || !Array.isArray(body.events)) return false;
  return body.events.every(
    (event) => isObject(event) && typeof event.event_id === 'string' && isObject(event.record),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
