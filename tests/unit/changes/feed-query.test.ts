import { FeedCursor } from '../../../src/changes/feed-cursor';
import { epochSecondOf, odooSecond, pageQuery } from '../../../src/changes/feed-query';

const T = 1_800_000_000; // 2027-01-15 08:00:00 UTC
const timing = { overlapS: 60, clockSkewS: 2 };
const cursor = (readUpTo: number, seen: FeedCursor['seen'], floor = 0): FeedCursor => ({
  v: 1,
  endpoint: 'customers',
  floor,
  readUpTo,
  seen,
});

describe('the search of a change-feed page', () => {
  test('when nothing was seen, then it reads from the overlap window on, oldest first', () => {
    const query = pageQuery(cursor(T, new Map()), [['customer_rank', '>', 0]], 100, T, timing);
    expect(query).toEqual({
      domain: [
        ['customer_rank', '>', 0],
        ['write_date', '>=', odooSecond(T - 60)],
      ],
      order: 'write_date asc, id asc',
      limit: 101,
    });
  });

  test('when the floor is later than the window, then nothing before the floor is read', () => {
    const query = pageQuery(cursor(T, new Map(), T - 5), [], 10, T, timing);
    expect(query.domain).toEqual([['write_date', '>=', odooSecond(T - 5)]]);
  });

  test('when a closed second was seen, then its ids are excluded from that second only', () => {
    const seen = new Map([[T - 30, { ids: [1, 2, 3, 4, 9] }]]);
    const query = pageQuery(cursor(T, seen), [], 10, T, timing);
    expect(query.domain.slice(1)).toEqual([
      '!',
      '&',
      '&',
      ['write_date', '>=', odooSecond(T - 30)],
      ['write_date', '<', odooSecond(T - 29)],
      '|',
      '&',
      ['id', '>=', 1],
      ['id', '<=', 4],
      ['id', 'in', [9]],
    ]);
    expect(query.limit).toBe(11);
  });

  test('when an open second or one keeping hashes was seen, then it is re-read and the limit grows by its ids', () => {
    const seen = new Map([
      [T - 1, { ids: [7, 8] }],
      [T - 20, { ids: [5], hashes: ['0a0b0c0d'] }],
      [T - 200, { ids: [1] }],
    ]);
    const query = pageQuery(cursor(T, seen), [], 10, T, timing);
    expect(query.domain).toEqual([['write_date', '>=', odooSecond(T - 60)]]);
    expect(query.limit).toBe(10 + 3 + 1);
  });

  test("when Odoo's datetime text is read, then its second is the bucket, whatever the fraction", () => {
    expect(epochSecondOf(odooSecond(T))).toBe(T);
    expect(epochSecondOf(`${odooSecond(T)}.999999`)).toBe(T);
    expect(epochSecondOf(false)).toBeUndefined();
  });
});
