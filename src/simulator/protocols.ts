/**
 * Turns one request body into an exchange: what to log, how to run it, and how a fault reads on that
 * wire. XML-RPC faults follow Odoo: int codes on `/xmlrpc/2`, string codes on the legacy `/xmlrpc`.
 */
import { JSON_TYPE, ok, type Exchange } from './exchange';
import { OdooFault } from './orm/faults';
import type { RpcDispatcher } from './rpc-dispatch';
import { jsonRpcError, jsonRpcResult, parseJsonRpc } from './wire/jsonrpc';
import { parseMethodCall, XmlRpcParseError } from '../wire/xmlrpc-parser';
import { serializeFault, serializeResponse } from './wire/xmlrpc-serializer';

const XML_TYPE = 'text/xml; charset=utf-8';

/** Unexpected errors become what Odoo would answer for a Python bug: an application error. */
export function asFault(err: unknown): OdooFault {
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
  route: { service: string; legacy: boolean; stateless: boolean; path: string },
  body: string,
): Exchange {
  const fault = (f: OdooFault) =>
    ok(XML_TYPE, route.legacy ? serializeFault(...legacyFault(f)) : serializeFault(f.code, f.faultString));
  const base = { stateless: route.stateless, deprecatedRoute: route.path, fault };
  let parsed: ReturnType<typeof parseMethodCall>;
  try {
    parsed = parseMethodCall(body);
  } catch (err) {
    return { ...base, call: null, run: () => fault(asFault(err)) };
  }
  const call = dispatcher.describe(route.service, parsed.methodName, parsed.params);
  return {
    ...base,
    call: { ...call, protocol: 'xmlrpc' },
    run: () => {
      try {
        return ok(
          XML_TYPE,
          serializeResponse(dispatcher.dispatch(route.service, parsed.methodName, parsed.params)),
        );
      } catch (err) {
        return fault(asFault(err));
      }
    },
  };
}

export function jsonRpcExchange(dispatcher: RpcDispatcher, body: string, stateless: boolean): Exchange {
  const parsed = parseJsonRpc(body);
  const fault = (f: OdooFault) => ok(JSON_TYPE, jsonRpcError(parsed.id, f));
  const base = { stateless, deprecatedRoute: '/jsonrpc', fault };
  if ('fault' in parsed) return { ...base, call: null, run: () => fault(parsed.fault) };
  const call = dispatcher.describe(parsed.service, parsed.method, parsed.args);
  return {
    ...base,
    call: { ...call, protocol: 'jsonrpc' },
    run: () => {
      try {
        return ok(
          JSON_TYPE,
          jsonRpcResult(parsed.id, dispatcher.dispatch(parsed.service, parsed.method, parsed.args)),
        );
      } catch (err) {
        return fault(asFault(err));
      }
    },
  };
}
