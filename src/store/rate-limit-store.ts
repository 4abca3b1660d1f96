/**
 * A RateLimitCounter as an express-rate-limit Store, so rate-limit.ts keeps its headers and its 429
 * and only swaps where the counts live.
 */
import type { ClientRateLimitInfo, Store } from 'express-rate-limit';
import { RateLimitCounter } from './rate-limit-counters';

export class CounterRateLimitStore implements Store {
  /** Counts in PostgreSQL are seen by every replica. */
  readonly localKeys: boolean;

  constructor(
    private readonly counter: RateLimitCounter,
    shared: boolean,
  ) {
    this.localKeys = !shared;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { count, resetAt } = await this.counter.hit(key);
    return { totalHits: count, resetTime: resetAt };
  }

  async decrement(key: string): Promise<void> {
    await this.counter.undo(key);
  }

  async resetKey(key: string): Promise<void> {
    await this.counter.reset(key);
  }
}
