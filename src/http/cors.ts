/**
 * CORS for browser callers (`server.cors.origins` in gateway.yaml), by the `cors` package. Off by
 * default: with no origins the middleware adds nothing, so a browser on another origin cannot read any
 * answer. It runs before authentication and the rate limit, because a browser's preflight (OPTIONS)
 * never carries credentials. The middleware is rebuilt when a reload changes the origins.
 */
import cors from 'cors';
import type { RequestHandler } from 'express';
import { GatewayConfig } from '../config/types';
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from './idempotency';

/** What a browser may send, and which answer headers its script may read. */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', IDEMPOTENCY_HEADER, 'Prefer', 'X-Request-ID'];
const EXPOSED_HEADERS = ['X-Request-ID', REPLAYED_HEADER, 'Retry-After', 'RateLimit', 'RateLimit-Policy'];
/** Browsers may cache a preflight answer this long (seconds), sparing one OPTIONS per request. */
const PREFLIGHT_MAX_AGE = 600;

export function createCors(getConfig: () => GatewayConfig): RequestHandler {
  let current: { origins: readonly string[]; handler: RequestHandler } | undefined;
  return (req, res, next) => {
    const { origins } = getConfig().settings.server.cors;
    if (origins.length === 0) return next();
    if (current?.origins !== origins) current = { origins, handler: corsFor(origins) };
    current.handler(req, res, next);
  };
}

function corsFor(origins: readonly string[]): RequestHandler {
  return cors({
    // `*` answers any origin literally; a list answers only its own origins (Vary: Origin).
    origin: origins.includes('*') ? '*' : [...origins],
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE,
    // Credentials go in the Authorization header, set by the caller's script: no cookies to allow.
    credentials: false,
  });
}
