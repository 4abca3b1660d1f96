/**
 * What the outbound push reads: an endpoint's change feed, page by page from an opaque cursor —
 * the same feed as `GET /{endpoint}/changes` (src/changes/). Tests may give another source.
 */
import type { EndpointDef } from '../config/types';
import { ChangePage, readChanges, startCursor } from '../changes/change-feed';
import type { ReadDeps } from '../records/record-reader';

export type { Change, ChangePage } from '../changes/change-feed';

export interface ChangeSource {
  /** A cursor at "now": a first poll sends only what changes after it. */
  start(endpoint: EndpointDef): string;
  read(endpoint: EndpointDef, cursor: string, limit: number): Promise<ChangePage>;
}

/** The change feed over Odoo; `readDeps` is asked at each read, so it follows config reloads. */
export function changeFeedSource(readDeps: () => ReadDeps): ChangeSource {
  return {
    start: (endpoint) => startCursor(endpoint),
    read: (endpoint, cursor, limit) => readChanges(readDeps(), endpoint, cursor, { limit }),
  };
}
