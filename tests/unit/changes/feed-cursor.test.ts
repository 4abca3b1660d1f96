import { deflateRawSync } from 'node:zlib';
import {
  FeedCursor,
  MAX_CLOSED_RUNS,
  MAX_OPEN_HASHES,
  decodeCursor,
  encodeCursor,
  toRuns,
} from '../../../src/changes/feed-cursor';

const cursor = (seen: FeedCursor['seen']): FeedCursor => ({
  v: 1,
  endpoint: 'customers',
  floor: 1_800_000_000,
  readUpTo: 1_800_000_060,
  seen,
});
const wire = (value: unknown) => deflateRawSync(Buffer.from(JSON.stringify(value))).toString('base64url');

describe('feed cursor', () => {
  test('when encoded and decoded, then the same state comes back', () => {
    const state = cursor(
      new Map([
        [1_800_000_010, { ids: [5, 6, 7, 8, 20] }],
        [1_800_000_059, { ids: [3, 9], hashes: ['0a1b2c3d', ''] }],
      ]),
    );
    expect(decodeCursor(encodeCursor(state), 'customers')).toEqual(state);
  });

  test('when 1,000 consecutive ids are seen, then the cursor stays small', () => {
    const ids = Array.from({ length: 1000 }, (_, k) => 100 + k);
    expect(toRuns(ids)).toEqual([[100, 1099]]);
    expect(encodeCursor(cursor(new Map([[1_800_000_010, { ids }]]))).length).toBeLessThan(200);
  });

  test('when a made-up cursor lists far more ids or hashes than the feed ever writes, then it is a 400', () => {
    const scattered = (count: number) => Array.from({ length: count }, (_, k) => 1 + 2 * k);
    const manyRuns = cursor(
      new Map([[1_800_000_010, { ids: scattered(2 * (MAX_CLOSED_RUNS + MAX_OPEN_HASHES) + 1) }]]),
    );
    const ids = scattered(2 * MAX_OPEN_HASHES + 1);
    const manyHashes = cursor(new Map([[1_800_000_059, { ids, hashes: ids.map(() => '0a1b2c3d') }]]));
    for (const forged of [manyRuns, manyHashes]) {
      expect(() => decodeCursor(encodeCursor(forged), 'customers')).toThrow(
        expect.objectContaining({ status: 400, code: 'INVALID_CURSOR' }),
      );
    }
  });

  test('when the cursor belongs to another endpoint, then it is a 400 naming it', () => {
    expect(() => decodeCursor(encodeCursor(cursor(new Map())), 'products')).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'INVALID_CURSOR',
        message: expect.stringContaining('"customers"'),
      }),
    );
  });

  test.each([
    ['not base64url', 'a+b/c'],
    ['not deflate', 'aGVsbG8'],
    ['not JSON', wire('x').slice(0, 3)],
    ['another version', wire({ v: 2, endpoint: 'customers', floor: 1, readUpTo: 1, seen: [] })],
    ['readUpTo before floor', wire({ v: 1, endpoint: 'customers', floor: 5, readUpTo: 4, seen: [] })],
    [
      'a negative id',
      wire({ v: 1, endpoint: 'customers', floor: 1, readUpTo: 1, seen: [{ s: 1, ids: [-1] }] }),
    ],
    [
      'ids out of order',
      wire({ v: 1, endpoint: 'customers', floor: 1, readUpTo: 1, seen: [{ s: 1, ids: [5, 3] }] }),
    ],
    [
      'a huge range',
      wire({ v: 1, endpoint: 'customers', floor: 1, readUpTo: 1, seen: [{ s: 1, ids: [[1, 2e9]] }] }),
    ],
    [
      'hashes not aligned',
      wire({ v: 1, endpoint: 'customers', floor: 1, readUpTo: 1, seen: [{ s: 1, ids: [1, 2], h: [''] }] }),
    ],
    [
      'a bad hash',
      wire({ v: 1, endpoint: 'customers', floor: 1, readUpTo: 1, seen: [{ s: 1, ids: [1], h: ['zz'] }] }),
    ],
    [
      'a second twice',
      wire({
        v: 1,
        endpoint: 'customers',
        floor: 1,
        readUpTo: 1,
        seen: [
          { s: 1, ids: [1] },
          { s: 1, ids: [2] },
        ],
      }),
    ],
    ['too long', 'a'.repeat(70_000)],
  ])('when the cursor is %s, then it is a 400 INVALID_CURSOR', (_what, text) => {
    expect(() => decodeCursor(text, 'customers')).toThrow(
      expect.objectContaining({ status: 400, code: 'INVALID_CURSOR' }),
    );
  });
});
