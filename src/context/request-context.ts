/**
 * Per-request state that code deep inside a request (the Odoo client observer, the logger, the error
 * handler) can reach without threading it through every call. Its own module, below http/, errors/
 * and logging/, so that each of them can read it without importing the others.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
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

/** Where the context is also kept on the response, for code that runs outside the async context. */
const CONTEXT_LOCAL = 'requestContext';

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` (and everything it starts, sync or async) inside `context`. */
export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The context of the request being served, or undefined outside any request (startup, timers). */
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Counts one finished Odoo call against the current request; wired to the Odoo client's `onCallEnd`. */
export function countOdooCall(): void {
  const context = storage.getStore();
  if (context) context.odooCalls += 1;
}

/** Records which configured endpoint serves the current request, for the access log. */
export function setContextEndpoint(endpoint: string): void {
  const context = storage.getStore();
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
