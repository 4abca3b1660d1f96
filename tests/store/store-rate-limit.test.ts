/** Rate-limit counters of every store backend, and counters shared by replicas on PostgreSQL. */
import { memoryRateLimitCounter } from '../../src/store/rate-limit-counters';
import { CounterRateLimitStore } from '../../src/store/rate-limit-store';
import { forEachBackend } from '../support/store-backends';

const LIMITS = { limit: 3, windowMs: 60_000, keyPrefix: 'test' };

forEachBackend('rate-limit counters', (backend) => {
  test('when a client hits, then the count grows within the window, and undo and reset take hits back', async () => {
    const counter = (await backend().open()).rateLimitCounter(LIMITS);
    const before = Date.now();
    await counter.hit('10.0.0.1');
    const second = await counter.hit('10.0.0.1');
    expect(second.count).toBe(2);
    expect(second.resetAt.getTime()).toBeGreaterThan(before);
    expect(second.resetAt.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);

    await counter.undo('10.0.0.1');
    await expect(counter.hit('10.0.0.1')).resolves.toMatchObject({ count: 2 });
    await counter.reset('10.0.0.1');
    await expect(counter.hit('10.0.0.1')).resolves.toMatchObject({ count: 1 });
    await expect(counter.hit('10.0.0.2')).resolves.toMatchObject({ count: 1 });
  });
});

forEachBackend(
  'rate-limit counters shared by replicas',
  (backend) => {
    test('when two replicas count the same client, then each sees the hits of both', async () => {
      const [left, right] = await Promise.all([backend().open(), backend().open()]);
      await left.rateLimitCounter(LIMITS).hit('10.0.0.1');
      await right.rateLimitCounter(LIMITS).hit('10.0.0.1');

      await expect(left.rateLimitCounter(LIMITS).hit('10.0.0.1')).resolves.toMatchObject({ count: 3 });
      expect(left.shared && right.shared).toBe(true);
    });
  },
  ['postgres'],
);

describe('CounterRateLimitStore', () => {
  test('when express-rate-limit counts through it, then hits, take-backs and resets reach the counter', async () => {
    const store = new CounterRateLimitStore(memoryRateLimitCounter(LIMITS), false);
    await store.increment('10.0.0.1');
    const second = await store.increment('10.0.0.1');
    expect(second.totalHits).toBe(2);
    expect(second.resetTime).toBeInstanceOf(Date);

    await store.decrement('10.0.0.1');
    await expect(store.increment('10.0.0.1')).resolves.toMatchObject({ totalHits: 2 });
    await store.resetKey('10.0.0.1');
    await expect(store.increment('10.0.0.1')).resolves.toMatchObject({ totalHits: 1 });
    expect(store.localKeys).toBe(true);
  });
});
