/**
 * When a failed delivery is tried again: exponential backoff from `initial_ms`, capped at `max_ms`,
 * with jitter (×0.5–1.0) so replicas and receivers coming back do not see every retry at once. A
 * receiver's Retry-After wins, capped the same way.
 */
import type { OutboundConfig } from '../config/types';

/** `attempts`: attempts made so far (1 after the first failure). */
export function retryDelayMs(
  backoff: OutboundConfig['backoff'],
  attempts: number,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(0, attempts - 1), 40);
  const base = Math.min(backoff.maxMs, backoff.initialMs * 2 ** exponent);
  return Math.round(base * (0.5 + random() * 0.5));
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
