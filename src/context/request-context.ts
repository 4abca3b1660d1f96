/**
 * Per-request state kept on the response (`res.locals`): the request id, the endpoint, the Odoo calls
 * made. Handed on explicitly (the Odoo client a request uses counts into it: counted-odoo-client.ts),
 * not through AsyncLocalStorage, whose promise hooks cost about a fifth of the CPU of a request on
 * Node 20. Its own module, below http/ and errors/, so that each of them can read it.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * Mutable on purpose: counters and the endpoint name are filled in while the request runs, and the
 * access log reads them at the end.
 */
export interface RequestContext {
  requestId: string;
  odooCalls: number;
  endpoint?: string;
}

const REQUEST_ID_HEADER = 'X-Request-ID';

/** What a caller may choose as its own id: short, and harmless in headers and log lines. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Where the context is kept on the response. */
const CONTEXT_LOCAL = 'requestContext';

/** Records which configured endpoint serves the request, for the access log. */
export function setContextEndpoint(res: Response, endpoint: string): void {
  const context = contextOf(res);
  if (context) context.endpoint = endpoint;
}

/**
 * The request's context, created on the spot (and its id echoed) when the request never went through
 * the request-id middleware (e.g. a body parser mounted before it failed). The error handler uses it
 * so that every response, even those, has an id.
 */
export function ensureRequestContext(req: Request, res: Response): RequestContext {
  return contextOf(res) ?? attachContext(req, res);
}

export function contextOf(res: Response): RequestContext | undefined {
  return (res.locals as Record<string, RequestContext | undefined>)[CONTEXT_LOCAL];
}

function pickRequestId(header: unknown): string {
  return typeof header === 'string' && VALID_REQUEST_ID.test(header) ? header : randomUUID();
}

function attachContext(req: Request, res: Response): RequestContext {
  const context: RequestContext = { requestId: pickRequestId(req.headers['x-request-id']), odooCalls: 0 };
  res.locals[CONTEXT_LOCAL] = context;
  if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, context.requestId);
  return context;
}
