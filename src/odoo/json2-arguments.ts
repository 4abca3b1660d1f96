import { InternalError } from '../errors/errors';

/**
 * JSON-2 (Odoo 19+) takes named arguments only, while the gateway calls `executeKw(model, method,
 * args, kwargs)` with positional ones as XML-RPC does. This table names the positional parameters of
 * the ORM methods the gateway uses (their Python signatures in Odoo 19). Pure, so each binding is
 * unit-tested.
 */
interface MethodParameters {
  /** Record methods take the record ids first, as `ids` (`write(ids, vals)` is `self.write(vals)`). */
  onRecords: boolean;
  names: readonly string[];
}

const model = (...names: string[]): MethodParameters => ({ onRecords: false, names });
const records = (...names: string[]): MethodParameters => ({ onRecords: true, names });

const PARAMETERS: Readonly<Record<string, MethodParameters>> = {
  search_read: model('domain', 'fields', 'offset', 'limit', 'order'),
  search: model('domain', 'offset', 'limit', 'order'),
  search_count: model('domain', 'limit'),
  create: model('vals_list'),
  fields_get: model('allfields', 'attributes'),
  name_search: model('name', 'domain', 'operator', 'limit'),
  name_create: model('name'),
  default_get: model('fields_list'),
  check_access_rights: model('operation', 'raise_exception'),
  context_get: model(),
  web_search_read: model('domain', 'specification', 'offset', 'limit', 'order', 'count_limit'),
  read: records('fields', 'load'),
  write: records('vals'),
  unlink: records(),
  copy: records('default'),
  exists: records(),
  web_read: records('specification'),
  web_save: records('vals', 'specification', 'next_id'),
};

/** `executeKw`'s positional `args` and `kwargs` as the JSON-2 body of named arguments. */
export function bindJson2Arguments(
  modelName: string,
  method: string,
  args: readonly unknown[],
  kwargs: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const parameters = PARAMETERS[method];
  if (!parameters) {
    if (args.length === 0) return { ...kwargs };
    throw gatewayBug(`${modelName}.${method} is not in the gateway's JSON-2 parameter table`);
  }
  const names = parameters.onRecords ? ['ids', ...parameters.names] : parameters.names;
  if (args.length > names.length) {
    throw gatewayBug(`${modelName}.${method} takes at most ${names.length} positional arguments`);
  }
  const body: Record<string, unknown> = { ...kwargs };
  args.forEach((value, index) => {
    const name = names[index] as string;
    if (name in kwargs) throw gatewayBug(`${modelName}.${method} got '${name}' twice`);
    body[name] = value;
  });
  return body;
}

/**
 * JSON-2's `create` answers a list of ids even for one dict; XML-RPC answers the id. The gateway's
 * callers expect XML-RPC's shape, so a single dict's answer is unwrapped.
 */
export function json2Result(method: string, args: readonly unknown[], result: unknown): unknown {
  const singleCreate = method === 'create' && args.length > 0 && !Array.isArray(args[0]);
  if (singleCreate && Array.isArray(result) && result.length === 1) return result[0];
  return result;
}

/** A call the gateway cannot express in JSON-2 is the gateway's bug, never the caller's (500). */
function gatewayBug(detail: string): InternalError {
  return new InternalError(`The gateway cannot call Odoo over JSON-2: ${detail}`);
}
