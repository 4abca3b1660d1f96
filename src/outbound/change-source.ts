/**
 * What the outbound push reads: an endpoint's change feed, page by page from an opaque cursor. The
 * real one is the change feed of src/changes/; tests may give their own.
 */
import type { EndpointDef, OutboundEvent } from '../config/types';

export interface Change {
  event: OutboundEvent;
  odooId: number;
  /** ISO 8601. */
  changedAt: string;
  /** Stable: the same record version always has the same id, so receivers can drop repeats. */
  eventId: string;
  /** The record in the endpoint's mapped shape. */
  record: Record<string, unknown>;
}

export interface ChangePage {
  changes: Change[];
  nextCursor: string;
  hasMore: boolean;
}

export interface ChangeSource {
  /** A cursor at "now": a first poll sends only what changes after it. */
  start(endpoint: EndpointDef): string;
  read(endpoint: EndpointDef, cursor: string, limit: number): Promise<ChangePage>;
}
