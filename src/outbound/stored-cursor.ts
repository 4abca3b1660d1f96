/**
 * The push's stored cursor when the change feed can no longer read it (written by an older version,
 * or a store edited by hand): every poll would fail the same way, so the admin must reset it
 * (`POST /bj_api_sync/outbound/{endpoint}/cursor`, docs/outbound.md). Shared by the worker's log
 * and the admin status, so both name the same fix.
 */
import { decodeCursor, InvalidCursorError } from '../changes/feed-cursor';

export function unreadableCursorMessage(endpoint: string): string {
  return (
    'The stored cursor cannot be read, so nothing is pushed: reset it with ' +
    `POST /bj_api_sync/outbound/${endpoint}/cursor ({"from": "now"} or {"since": "<ISO time>"})`
  );
}

/** The message above when `cursor` does not decode for `endpoint`, else null. */
export function storedCursorError(endpoint: string, cursor: string): string | null {
  try {
    decodeCursor(cursor, endpoint);
    return null;
  } catch (error) {
    if (error instanceof InvalidCursorError) return unreadableCursorMessage(endpoint);
    throw error;
  }
}
