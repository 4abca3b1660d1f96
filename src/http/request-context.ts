import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Per-request state that code deep inside a request (the Odoo client observer, the logger) can
 * reach without threading it through every call. Mutable on purpose: counters and the endpoint name
 * are filled in while the request runs, and the access log reads them at the end.
 */
export interface RequestContext {
  requestId: string;
  odooCalls: number;
  endpoint?: string;
}

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
