import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { RequestContext, runWithContext } from './request-context';

export const REQUEST_ID_HEADER = 'X-Request-ID';

/** What a caller may choose as its own id: short, and harmless in headers and log lines. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Where the context is also kept on the response, for code that runs outside the async context. */
const CONTEXT_LOCAL = 'requestContext';

/**
 * First middleware of the app: picks the request id, echoes it on the response before anything else
 * can answer (so errors carry it too), and runs the rest of the request inside its context.
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    // Idempotent: mounting it twice (app and router) keeps one id per request.
    const context = ensureRequestContext(req, res);
    runWithContext(context, () => next());
  };
}

/**
 * The request's context, created on the spot when the request never went through `requestId()`
 * (e.g. a body parser mounted before it failed). The error handler uses it so that every response,
 * even those, has an id.
 */
export function ensureRequestContext(req: Request, res: Response): RequestContext {
  return contextOf(res) ?? attachContext(req, res);
}

export function contextOf(res: Response): RequestContext | undefined {
  return (res.locals as Record<string, RequestContext | undefined>)[CONTEXT_LOCAL];
}

export function pickRequestId(header: unknown): string {
  return typeof header === 'string' && VALID_REQUEST_ID.test(header) ? header : randomUUID();
}

function attachContext(req: Request, res: Response): RequestContext {
  const context: RequestContext = { requestId: pickRequestId(req.headers['x-request-id']), odooCalls: 0 };
  res.locals[CONTEXT_LOCAL] = context;
  if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, context.requestId);
  return context;
}
