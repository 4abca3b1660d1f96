/**
 * What every route turns a request into: the call to log (and to match injected failures against),
 * whether it pays the stateless-call cost, how to run it, and how an injected fault reads there.
 */
import type http from 'node:http';
import type { OdooFault } from './orm/faults';
import type { SimulatorCall } from './types';

export interface Reply {
  status: number;
  contentType: string;
  body: string;
  headers?: http.OutgoingHttpHeaders;
}

export interface Exchange {
  /** null when nothing reaches a service (unparsable body, routing error, version info...). */
  call: SimulatorCall | null;
  /** The call does not fix its database (no session, no `X-Odoo-Database`). */
  stateless: boolean;
  /** Odoo 19 logs a deprecation warning for this route (`/xmlrpc/2/object`, `/jsonrpc`). */
  deprecatedRoute?: string;
  run(): Reply;
  /** The answer for a fault raised outside the call (injected by a test). */
  fault(fault: OdooFault): Reply;
}

/** The parts of an HTTP request the routes look at. */
export interface RequestInfo {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
  /** `X-Odoo-Database`, only when the simulated version honours it. */
  dbHeader: string | undefined;
  sessionId: string | undefined;
  authorization: string | undefined;
  body: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';
export const HTML_TYPE = 'text/html; charset=utf-8';

export const ok = (contentType: string, body: string, headers?: http.OutgoingHttpHeaders): Reply => ({
  status: 200,
  contentType,
  body,
  headers,
});

/** An exchange that answers without calling anything. */
export function fixedExchange(reply: Reply, stateless = false): Exchange {
  return { call: null, stateless, run: () => reply, fault: () => reply };
}
