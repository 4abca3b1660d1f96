/**
 * The Odoo search of one change-feed page (pure). Odoo keeps `write_date` to the microsecond (the
 * transaction's start) but answers it to the second, so the feed reasons in one-second buckets
 * [s, s+1) and never compares a write_date for equality.
 * - It re-reads an overlap window behind `readUpTo`, so that a transaction that committed late, with
 *   a write_date older than what was already read, is still found;
 * - it excludes from that window, per CLOSED second, the ids already handed out in it (a record
 *   edited since has a newer write_date, so it is no longer excluded);
 * - OPEN seconds (that may still receive writes) are not excluded: they are re-read and their records
 *   compared by content hash (feed-page.ts).
 */
import { FeedCursor } from './feed-cursor';

export interface FeedTiming {
  /** How far behind `readUpTo` each page looks again for late commits. */
  overlapS: number;
  /** How far the gateway's and Odoo's clocks may disagree. */
  clockSkewS: number;
}

export const DEFAULT_FEED_TIMING: FeedTiming = { overlapS: 60, clockSkewS: 2 };

/** Oldest to newest, the id breaking ties: the only order in which a page boundary means something. */
export const FEED_ORDER = 'write_date asc, id asc';

export interface PageQuery {
  domain: unknown[];
  order: string;
  /** The page's limit, plus the records that may be re-read unchanged, plus one to see if there is more. */
  limit: number;
}

/** Where the page's search starts (epoch s). */
export function windowStart(cursor: FeedCursor, timing: FeedTiming): number {
  return Math.max(cursor.floor, cursor.readUpTo - timing.overlapS);
}

/** A second Odoo may still write into (by the gateway's clock `nowS`, allowing for clock skew). */
export function isOpenSecond(second: number, nowS: number, timing: FeedTiming): boolean {
  return second >= nowS - 1 - timing.clockSkewS;
}

/** A second that keeps content hashes is re-read, as is any second still open. */
export function isReRead(second: number, hashed: boolean, nowS: number, timing: FeedTiming): boolean {
  return hashed || isOpenSecond(second, nowS, timing);
}

export function pageQuery(
  cursor: FeedCursor,
  baseDomain: readonly unknown[],
  limit: number,
  nowS: number,
  timing: FeedTiming,
): PageQuery {
  const start = windowStart(cursor, timing);
  const exclusions: unknown[] = [];
  let reRead = 0;
  for (const [second, bucket] of [...cursor.seen].sort(([a], [b]) => a - b)) {
    if (second < start) continue;
    if (isReRead(second, bucket.hashes !== undefined, nowS, timing)) reRead += bucket.ids.length;
    else exclusions.push(...excludeSeen(second, bucket.ids));
  }
  // Odoo ANDs top-level terms, and an endpoint domain is whole terms, so appending ANDs with all of it.
  const domain = [...baseDomain, ['write_date', '>=', odooSecond(start)], ...exclusions];
  return { domain, order: FEED_ORDER, limit: limit + reRead + 1 };
}

/** NOT (write_date in [s, s+1) AND id among `ids`). */
export function excludeSeen(second: number, ids: readonly number[]): unknown[] {
  return [
    '!',
    '&',
    '&',
    ['write_date', '>=', odooSecond(second)],
    ['write_date', '<', odooSecond(second + 1)],
    ...idsTerm(ids),
  ];
}

/** Long runs of ids as ranges (a bulk create stays two leaves), the others in one `in`. */
const MIN_RANGE = 4;

function idsTerm(ids: readonly number[]): unknown[] {
  const terms: unknown[][] = [];
  const loose: number[] = [];
  let k = 0;
  while (k < ids.length) {
    let end = k;
    while (end + 1 < ids.length && ids[end + 1] === ids[end]! + 1) end++;
    if (end - k + 1 >= MIN_RANGE) terms.push(['&', ['id', '>=', ids[k]], ['id', '<=', ids[end]]]);
    else loose.push(...ids.slice(k, end + 1));
    k = end + 1;
  }
  if (loose.length > 0) terms.push([['id', 'in', loose]]);
  return [...Array<string>(terms.length - 1).fill('|'), ...terms.flat()];
}

/** Epoch seconds → Odoo's UTC datetime text `2026-12-01 10:00:00`. */
export function odooSecond(epochS: number): string {
  return new Date(epochS * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Odoo's datetime text (to the second, or finer) → its epoch second; undefined when it is not one. */
export function epochSecondOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(value)) return undefined;
  const ms = Date.parse(`${value.slice(0, 19).replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
