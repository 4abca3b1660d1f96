/**
 * 429 RATE_LIMITED on the API routes (`rate_limit` in gateway.yaml), with `Retry-After` and the IETF
 * `RateLimit` headers, by express-rate-limit. Keyed by client IP: behind a load balancer set
 * `server.trust_proxy` so the IP is the caller's. Counters live in the store: in this process for
 * the embedded store, in PostgreSQL (one limit across every replica) for `postgres`. The limiter is
 * rebuilt when a reload changes the numbers; its key prefix names them, so old counts never mix in.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { GatewayConfig } from '../config/types';
import { RateLimitedError } from '../errors/errors';
import { CounterRateLimitStore } from '../store/rate-limit-store';
import { Store } from '../store/store';

export type RateLimitCounters = Pick<Store, 'rateLimitCounter' | 'shared'>;

export function createRateLimit(getConfig: () => GatewayConfig, counters: RateLimitCounters): RequestHandler {
  let current: { key: string; handler: RequestHandler } | undefined;
  return (req, res, next) => {
    const { windowMs, max } = getConfig().settings.rateLimit;
    if (max === 0) return next();
    const key = `${windowMs}/${max}`;
    if (current?.key !== key) {
      const counter = counters.rateLimitCounter({ limit: max, windowMs, keyPrefix: `rl:${windowMs}:${max}` });
      const store = new CounterRateLimitStore(counter, counters.shared);
      current = { key, handler: buildLimiter(windowMs, max, store) };
    }
    current.handler(req, res, next);
  };
}

function buildLimiter(windowMs: number, max: number, store: CounterRateLimitStore): RequestHandler {
  return rateLimit({
    store,
    windowMs,
    limit: max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // A store that fails lets the request through (the PostgreSQL counter has an in-memory fallback too).
    passOnStoreError: true,
    // Built lazily on purpose (the numbers follow config reloads), so its "created in a handler" check does not apply.
    validate: { creationStack: false },
    handler: (req, _res, next) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset
        ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000))
        : Math.ceil(windowMs / 1000);
      next(new RateLimitedError(seconds));
    },
  });
}
