import { FeedCursor, MAX_CLOSED_RUNS, encodeCursor } from '../../../src/changes/feed-cursor';
import { FeedRow, MAX_OPEN_HASHES, decidePage } from '../../../src/changes/feed-page';

const T = 1_800_000_000;
const timing = { overlapS: 60, clockSkewS: 2 };
const start: FeedCursor = { v: 1, endpoint: 'customers', floor: T - 100, readUpTo: T - 100, seen: new Map() };
const row = (id: number, second: number, hash = 'aaaaaaaa'): FeedRow => ({ id, second, hash });

describe('deciding a change-feed page', () => {
  test('when every row is new and the page is not full, then all go out and the feed is caught up', () => {
    const rows = [row(1, T - 10), row(2, T)];
    const page = decidePage(start, rows, { limit: 10, queryLimit: 11, nowS: T, timing });
    expect(page.taken).toEqual([0, 1]);
    expect(page.hasMore).toBe(false);
    expect(page.cursor.readUpTo).toBe(T);
    // The closed second is known by id; the open one keeps the hash to tell a re-edit from a re-read.
    expect(page.cursor.seen).toEqual(
      new Map([
        [T - 10, { ids: [1] }],
        [T, { ids: [2], hashes: ['aaaaaaaa'] }],
      ]),
    );
  });

  test('when a record of an open second is re-read, then it goes out again only if its content changed', () => {
    const first = decidePage(start, [row(1, T), row(2, T)], { limit: 10, queryLimit: 11, nowS: T, timing });
    const again = decidePage(first.cursor, [row(1, T), row(2, T, 'bbbbbbbb')], {
      limit: 10,
      queryLimit: 13,
      nowS: T,
      timing,
    });
    expect(again.taken).toEqual([1]);
  });

  test('when the limit is reached, then has_more is true and the rest comes next', () => {
    const rows = [row(1, T - 10), row(2, T - 10), row(3, T - 9)];
    const page = decidePage(start, rows, { limit: 2, queryLimit: 3, nowS: T, timing });
    expect(page).toMatchObject({ taken: [0, 1], hasMore: true });
    expect(page.cursor.readUpTo).toBe(T - 9);
  });

  test('when a second closes, then its next full re-read drops the hashes and keeps the ids', () => {
    const open = decidePage(start, [row(1, T)], { limit: 10, queryLimit: 11, nowS: T, timing });
    const later = T + 10;
    const closed = decidePage(open.cursor, [row(1, T)], { limit: 10, queryLimit: 12, nowS: later, timing });
    expect(closed.taken).toEqual([]);
    expect(closed.cursor.seen.get(T)).toEqual({ ids: [1] });
  });

  test('when seconds fall out of the overlap window, then the cursor forgets them', () => {
    const old = decidePage(start, [row(1, T - 90)], { limit: 10, queryLimit: 11, nowS: T, timing });
    expect(old.cursor.seen.has(T - 90)).toBe(false);
  });

  test('when open seconds hold more new records than the hash budget, then the rest waits for them to close', () => {
    const rows = Array.from({ length: MAX_OPEN_HASHES + 5 }, (_, k) => row(k + 1, T));
    const page = decidePage(start, rows, { limit: 5000, queryLimit: 5001, nowS: T, timing });
    expect(page.taken).toHaveLength(MAX_OPEN_HASHES);
    expect(page.hasMore).toBe(false);
    // Once closed, they need no hash and go out.
    const later = decidePage(page.cursor, rows, {
      limit: 5000,
      queryLimit: 5001 + MAX_OPEN_HASHES,
      nowS: T + 10,
      timing,
    });
    expect(later.taken).toEqual([0, 1, 2, 3, 4].map((k) => MAX_OPEN_HASHES + k));
  });

  test('when closed seconds list more runs of ids than the budget, then the oldest leave the window and the cursor stays URL-sized', () => {
    // Scattered ids (every third record: no runs) in 5 closed seconds, 400 per second.
    const seconds = [T - 50, T - 40, T - 30, T - 20, T - 10];
    const rows = seconds.flatMap((second, k) =>
      Array.from({ length: 400 }, (_, n) => row(1 + 3 * (k * 400 + n), second, 'cccccccc')),
    );
    const page = decidePage(start, rows, { limit: 5000, queryLimit: 5001, nowS: T, timing });
    expect(page.taken).toHaveLength(2000);
    const kept = [...page.cursor.seen.keys()];
    const runs = [...page.cursor.seen.values()].reduce((sum, bucket) => sum + bucket.ids.length, 0);
    expect(runs).toBeLessThanOrEqual(MAX_CLOSED_RUNS);
    expect(kept).toEqual([T - 20, T - 10]);
    // The floor moved past the seconds it forgot: they are never handed out again.
    expect(page.cursor.floor).toBe(T - 30 + 1);
    expect(encodeCursor(page.cursor).length).toBeLessThan(8_000);
  });

  test('when the seconds over the budget were not read whole, then they stay (nothing unread is skipped)', () => {
    const rows = Array.from({ length: 1500 }, (_, n) => row(1 + 3 * n, T - 10, 'cccccccc'));
    const page = decidePage(start, rows, { limit: 1200, queryLimit: 5001, nowS: T, timing });
    expect(page.hasMore).toBe(true);
    expect(page.cursor.seen.get(T - 10)?.ids).toHaveLength(1200);
    expect(page.cursor.floor).toBe(start.floor);
  });
});
