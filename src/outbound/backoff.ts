/**
 * When a failed delivery is tried again: exponential backoff from `initial_ms`, capped at `max_ms`,
 * with jitter (×0.5–1.0) so replicas and receivers coming back do not see every retry at once. A
 * receiver's Retry-After lengthens the wait, capped the same way (retryWaitMs).
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

/**
 * The wait before the next attempt: the backoff, or the receiver's Retry-After when it asks for
 * longer, at most `max_ms`. Never shorter than the backoff: a receiver answering `Retry-After: 0` (or
 * a date already past) to every attempt would otherwise use up max_attempts within milliseconds.
 */
export function retryWaitMs(
  backoff: OutboundConfig['backoff'],
  attempts: number,
  retryAfter: number | undefined,
  random: () => number = Math.random,
): number {
  return Math.min(backoff.maxMs, Math.max(retryDelayMs(backoff, attempts, random), retryAfter ?? 0));
}

/**
 * RFC 9110's HTTP-date: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), or the obsolete RFC 850 and
 * asctime forms. Date.parse alone would take `-5` or `3.5` for dates long past (a wait of 0).
 */
const HTTP_DATE =
  /^(?:[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Za-z]{6,9}, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

/** Retry-After as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.test(text)) return undefined;
  // asctime carries no zone: it is GMT, not the gateway's local time.
  const at = Date.parse(text.endsWith('GMT') ? text : `${text} GMT`);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
