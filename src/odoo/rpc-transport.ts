import type http from 'node:http';
import { OdooError } from '../errors/errors';
import type { OdooFaultInfo } from './classify-fault';

/**
 * What a wire protocol (XML-RPC, JSON-RPC) does: send one call and return its result. It rejects
 * with an OdooFault (Odoo answered with an error), a TransportFailure (the exchange failed), an
 * OdooError (the reply was not the protocol's) or a ValidationError (a value cannot be encoded).
 * Logins, retries, limits and classification live in the client, once for every protocol.
 */
export type OdooService = 'common' | 'object';

export interface RpcCallTiming {
  timeoutMs: number;
  connectTimeoutMs: number;
}

export interface RpcTransport {
  /** The `service` observers see for this transport's exchanges (XML-RPC/JSON-RPC: the RPC service). */
  readonly observedAs?: 'session' | 'json2';
  /** How observers see the login exchange, when it is a model call (JSON-2: res.users/context_get). */
  readonly loginCall?: { model: string; method: string };
  call(service: OdooService, method: string, params: unknown[], timing: RpcCallTiming): Promise<unknown>;
}

export interface RpcTransportOptions {
  /** Odoo's base URL, path prefix included (`https://erp.example.com/odoo`). */
  baseUrl: URL;
  agent: http.Agent;
  maxResponseBytes: number;
  /** Sent as `X-Odoo-Database` on every request: Odoo 19+ then skips listing its databases (18 ignores it). */
  database: string;
}

/** The request headers every transport sends. */
export function databaseHeader(options: RpcTransportOptions): Record<string, string> {
  return options.database ? { 'X-Odoo-Database': options.database } : {};
}

/**
 * Odoo answered the call with an error. The fault string may hold a traceback: it is kept off the
 * enumerable properties and out of `message`, so that logging this object cannot print it.
 */
export class OdooFault extends Error implements OdooFaultInfo {
  declare readonly faultString: string;

  constructor(
    readonly faultCode: number | string,
    faultString: string,
  ) {
    super(`Odoo fault ${String(faultCode)}`);
    this.name = 'OdooFault';
    Object.defineProperty(this, 'faultString', { value: faultString, enumerable: false });
  }
}

/** The model call inside `execute_kw(db, uid, password, model, method, args, kwargs)` params. */
export interface ModelCall {
  model: string;
  method: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

/** For transports that send the model call without db, uid and password (session, JSON-2). */
export function modelCallOf(executeKwParams: readonly unknown[]): ModelCall {
  const [, , , model, method, args, kwargs] = executeKwParams as [
    unknown,
    unknown,
    unknown,
    string,
    string,
    unknown[],
    Record<string, unknown> | undefined,
  ];
  return { model, method, args, kwargs: kwargs ?? {} };
}

/** `https://erp.example.com/odoo` + `xmlrpc/2/object` → `https://erp.example.com/odoo/xmlrpc/2/object`. */
export function endpointUrl(baseUrl: URL, path: string): URL {
  const url = new URL(baseUrl.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path}`;
  url.search = '';
  url.hash = '';
  return url;
}

/** A reply that is not the protocol's: a proxy's HTML error page, a 404, a login page... */
export function notProtocolReply(status: number, protocolName: string, path: string): OdooError {
  if (status === 404) {
    return new OdooError(`Odoo answered HTTP 404 on ${path}: check ODOO_URL (and its path prefix, if any)`);
  }
  return new OdooError(`Odoo answered with HTTP ${status} and a non-${protocolName} body`);
}
