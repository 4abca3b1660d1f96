import type { RequestHandler } from 'express';
import { ensureRequestContext } from '../context/request-context';

/**
 * First middleware of the app: picks the request id (the caller's `X-Request-ID` when it is a sane
 * one) and echoes it on the response before anything else can answer, so errors carry it too.
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    // Idempotent: mounting it twice (app and router) keeps one id per request.
    ensureRequestContext(req, res);
    next();
  };
}
