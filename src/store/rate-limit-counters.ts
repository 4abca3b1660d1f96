/**
 * Rate-limit counters by rate-limiter-flexible: in PostgreSQL (the `rate_limits` table, created by a
 * migration) when replicas share a limit, else in this process. The embedded store is one process,
 * so its counters stay in memory, like express-rate-limit's today. When PostgreSQL fails, the
 * library's insurance limiter counts in memory instead: a store outage never blocks or frees all traffic.
 */
import type pg from 'pg';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  /** Requests allowed per window. */
  limit: number;
  /** Window length; counted in whole seconds. */
  windowMs: number;
  /** Separates limiters that share a table. */
  keyPrefix?: string;
}

export interface RateLimitHit {
  /** Hits in the current window, this one included. */
  count: number;
  resetAt: Date;
}

export interface RateLimitCounter {
  hit(key: string): Promise<RateLimitHit>;
  /** Takes back a hit (a request that should not count after all). */
  undo(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export function memoryRateLimitCounter(options: RateLimitOptions): RateLimitCounter {
  return new FlexibleCounter(new RateLimiterMemory(limiterOptions(options)));
}

export function postgresRateLimitCounter(pool: pg.Pool, options: RateLimitOptions): RateLimitCounter {
  const limiter = new RateLimiterPostgres({
    ...limiterOptions(options),
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    insuranceLimiter: new RateLimiterMemory(limiterOptions(options)),
  });
  return new FlexibleCounter(limiter);
}

function limiterOptions(options: RateLimitOptions): { points: number; duration: number; keyPrefix: string } {
  return {
    points: options.limit,
    duration: Math.max(1, Math.ceil(options.windowMs / 1000)),
    keyPrefix: options.keyPrefix ?? 'rl',
  };
}

class FlexibleCounter implements RateLimitCounter {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  async hit(key: string): Promise<RateLimitHit> {
    // penalty() counts without refusing: the caller (express-rate-limit) decides and answers the 429.
    const result = await this.limiter.penalty(key, 1);
    return { count: result.consumedPoints, resetAt: new Date(Date.now() + result.msBeforeNext) };
  }

  async undo(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
