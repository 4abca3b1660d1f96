/**
 * Turns one request body into an exchange: what to log, how to run it, and how a fault reads on that
 * wire. XML-RPC faults follow Odoo: int codes on `/xmlrpc/2`, string codes on the legacy `/xmlrpc`.
 */
import { OdooFault } from './orm/faults';
import type { RpcDispatcher } from './rpc-dispatch';
import type { SimulatorCall } from './types';
import { jsonRpcError, jsonRpcResult, parseJsonRpc } from './wire/jsonrpc';
import { parseMethodCall, XmlRpcParseError } from '../wire/xmlrpc-parser';
import { serializeFault, serializeResponse } from './wire/xmlrpc-serializer';

export interface Exchange {
  /** null when the body did not parse (nothing reaches the services then). */
  call: SimulatorCall | null;
  contentType: string;
  /** Executes the call; the response body, result or fault. */
  run(): string;
  /** The response body for a fault raised outside the call (injected by a test). */
  fault(fault: OdooFault): string;
}

/** Unexpected errors become what Odoo would answer for a Python bug: an application error. */
function asFault(err: unknown): OdooFault {
  if (err instanceof OdooFault) return err;
  if (err instanceof XmlRpcParseError) return new OdooFault(1, 'xml.parsers.expat.ExpatError', err.message);
  return new OdooFault(1, 'builtins.Exception', err instanceof Error ? err.message : String(err));
}

function legacyFault(f: OdooFault): [string, string] {
  const kind = f.exception.replace('odoo.exceptions.', '');
  if (f.code === 3) return ['AccessDenied', f.message];
  if (kind === 'MissingError' || kind === 'AccessError') return [`warning -- ${kind}\n\n${f.message}`, ''];
  if (f.code === 2) return [`warning -- UserError\n\n${f.message}`, ''];
  return [f.message, f.traceback];
}

export function xmlRpcExchange(
  dispatcher: RpcDispatcher,
  service: string,
  legacy: boolean,
  body: string,
): Exchange {
  const fault = (f: OdooFault): string =>
    legacy ? serializeFault(...legacyFault(f)) : serializeFault(f.code, f.faultString);
  let parsed: ReturnType<typeof parseMethodCall>;
  try {
    parsed = parseMethodCall(body);
  } catch (err) {
    return { call: null, contentType: 'text/xml; charset=utf-8', run: () => fault(asFault(err)), fault };
  }
  return {
    call: dispatcher.describe(service, parsed.methodName, parsed.params),
    contentType: 'text/xml; charset=utf-8',
    run: () => {
      try {
        return serializeResponse(dispatcher.dispatch(service, parsed.methodName, parsed.params));
      } catch (err) {
        return fault(asFault(err));
      }
    },
    fault,
  };
}

export function jsonRpcExchange(dispatcher: RpcDispatcher, body: string): Exchange {
  const parsed = parseJsonRpc(body);
  const contentType = 'application/json; charset=utf-8';
  const fault = (f: OdooFault): string => jsonRpcError(parsed.id, f);
  if ('fault' in parsed) return { call: null, contentType, run: () => fault(parsed.fault), fault };
  return {
    call: dispatcher.describe(parsed.service, parsed.method, parsed.args),
    contentType,
    run: () => {
      try {
        return jsonRpcResult(parsed.id, dispatcher.dispatch(parsed.service, parsed.method, parsed.args));
      } catch (err) {
        return fault(asFault(err));
      }
    },
    fault,
  };
}
