import type { RequestHandler } from 'express';
import { ensureRequestContext, runWithContext } from '../context/request-context';

/**
 * First middleware of the app: picks the request id (the caller's `X-Request-ID` when it is a sane
 * one), echoes it on the response before anything else can answer (so errors carry it too), and runs
 * the rest of the request inside its context.
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    // Idempotent: mounting it twice (app and router) keeps one id per request.
    const context = ensureRequestContext(req, res);
    runWithContext(context, () => next());
  };
}
