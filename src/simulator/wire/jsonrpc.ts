/**
 * Odoo's `/jsonrpc` envelopes: `{"jsonrpc":"2.0","method":"call","params":{service,method,args},"id":..}`
 * in; `{"jsonrpc":"2.0","id":..,"result":..}` or an error object with code 200, "Odoo Server Error"
 * and `data: {name, debug, message, arguments, context}` out (always HTTP 200).
 */
import { OdooFault } from '../orm/faults';
import { pyJsonDumps } from './py-json';

export interface JsonRpcCall {
  id: unknown;
  service: string;
  method: string;
  args: unknown[];
}

export function parseJsonRpc(body: string): JsonRpcCall | { id: unknown; fault: OdooFault } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {
      id: null,
      fault: new OdooFault(1, 'werkzeug.exceptions.BadRequest', '400 Bad Request: Invalid JSON data'),
    };
  }
  const envelope = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
  const id = envelope.id ?? null;
  const params = (envelope.params && typeof envelope.params === 'object' ? envelope.params : {}) as Record<
    string,
    unknown
  >;
  for (const key of ['service', 'method', 'args']) {
    if (!(key in params)) return { id, fault: new OdooFault(1, 'builtins.KeyError', `'${key}'`) };
  }
  const args = Array.isArray(params.args) ? params.args : [];
  return { id, service: String(params.service), method: String(params.method), args };
}

/** A route that returns None answers without a `result` key at all. */
export function jsonRpcResult(id: unknown, result: unknown): string {
  return pyJsonDumps({ jsonrpc: '2.0', id, result: result === null ? undefined : result });
}

export interface JsonRpcErrorShape {
  /** 200 for server errors, 100 for an expired session, 404 for werkzeug's NotFound. */
  code: number;
  message: string;
  arguments: unknown[];
}

const SERVER_ERROR = (fault: OdooFault): JsonRpcErrorShape => ({
  code: 200,
  message: 'Odoo Server Error',
  arguments: [fault.message],
});

export function jsonRpcError(id: unknown, fault: OdooFault, shape = SERVER_ERROR(fault)): string {
  return pyJsonDumps({
    jsonrpc: '2.0',
    id,
    error: {
      code: shape.code,
      message: shape.message,
      data: {
        name: fault.exception,
        debug: fault.traceback,
        message: fault.message,
        arguments: shape.arguments,
        context: {},
      },
    },
  });
}
