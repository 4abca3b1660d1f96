/**
 * `/web/dataset/call_kw/<model>/<method>`: params `model`, `method`, `args`, `kwargs` (the path
 * suffix is cosmetic). An unknown model is werkzeug's NotFound in a code-404 envelope without id.
 */
import { JSON_TYPE, ok, type Exchange } from '../exchange';
import { OdooFault } from '../orm/faults';
import { asFault } from '../protocols';
import type { RpcDispatcher } from '../rpc-dispatch';
import { jsonRpcError, jsonRpcResult } from '../wire/jsonrpc';

const NOT_FOUND_TEXT =
  '404 Not Found: The requested URL was not found on the server. If you entered the URL manually ' +
  'please check your spelling and try again.';

function unknownModel(model: string): string {
  const traceback =
    `Traceback (most recent call last):\n  ...\nKeyError: '${model}'\n` +
    'The above exception was the direct cause of the following exception:\n' +
    `Traceback (most recent call last):\nwerkzeug.exceptions.NotFound: ${NOT_FOUND_TEXT}`;
  const fault = new OdooFault(1, 'werkzeug.exceptions.NotFound', NOT_FOUND_TEXT, traceback);
  return jsonRpcError(null, fault, { code: 404, message: '404: Not Found', arguments: [] });
}

export function callKwExchange(
  dispatcher: RpcDispatcher,
  envelope: { id: unknown; params: Record<string, unknown> },
  session: { uid: number },
): Exchange {
  const { model, method, args, kwargs } = envelope.params;
  const modelName = String(model);
  const positional = Array.isArray(args) ? args : [];
  const named = kwargs && typeof kwargs === 'object' ? (kwargs as Record<string, unknown>) : {};
  const fault = (f: OdooFault) => ok(JSON_TYPE, jsonRpcError(envelope.id, f));
  return {
    call: {
      service: 'object',
      protocol: 'session',
      method: 'call_kw',
      model: modelName,
      modelMethod: String(method),
      args: positional,
      kwargs: named,
    },
    stateless: false,
    fault,
    run: () => {
      if (!dispatcher.hasModel(modelName)) return ok(JSON_TYPE, unknownModel(modelName));
      try {
        const result = dispatcher.execute(session.uid, modelName, String(method), positional, named);
        return ok(JSON_TYPE, jsonRpcResult(envelope.id, result));
      } catch (err) {
        return fault(asFault(err));
      }
    },
  };
}
