/**
 * 429 RATE_LIMITED on the API routes (`rate_limit` in gateway.yaml), with `Retry-After` and the IETF
 * `RateLimit` headers, by express-rate-limit. Keyed by client IP: behind a load balancer set
 * `server.trust_proxy` so the IP is the caller's. Counters live in this process (one replica); the
 * limiter is rebuilt when a reload changes the numbers.
 */
import type { RequestHandler } from 'express';
import { MemoryStore, rateLimit } from 'express-rate-limit';
import { GatewayConfig } from '../config/types';
import { RateLimitedError } from '../errors/errors';

export function createRateLimit(getConfig: () => GatewayConfig): RequestHandler {
  let current: { key: string; store: MemoryStore; handler: RequestHandler } | undefined;
  return (req, res, next) => {
    const { windowMs, max } = getConfig().settings.rateLimit;
    if (max === 0) return next();
    const key = `${windowMs}/${max}`;
    if (current?.key !== key) {
      current?.store.shutdown(); // its reset timer and counters go with the old numbers
      const store = new MemoryStore();
      current = { key, store, handler: buildLimiter(windowMs, max, store) };
    }
    current.handler(req, res, next);
  };
}

function buildLimiter(windowMs: number, max: number, store: MemoryStore): RequestHandler {
  return rateLimit({
    store,
    windowMs,
    limit: max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
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
