/**
 * JSON-RPC transport (`POST /jsonrpc`): the same services and arguments as XML-RPC in a JSON
 * envelope. Odoo answers errors with HTTP 200 and an `error` member; they are turned into the fault
 * XML-RPC would have sent (see `jsonRpcErrorToFault`, which classifies by `data.name`).
 */
import { OdooError } from '../errors/errors';
import { jsonRpcErrorToFault } from './classify-fault';
import { httpPost } from './http-post';
import { toWireValues } from './odoo-values';
import {
  databaseHeader,
  endpointUrl,
  notProtocolReply,
  OdooFault,
  OdooService,
  RpcCallTiming,
  RpcTransport,
  RpcTransportOptions,
} from './rpc-transport';

export class JsonRpcTransport implements RpcTransport {
  private nextId = 0;

  constructor(private readonly options: RpcTransportOptions) {}

  async call(
    service: OdooService,
    method: string,
    params: unknown[],
    timing: RpcCallTiming,
  ): Promise<unknown> {
    const url = endpointUrl(this.options.baseUrl, 'jsonrpc');
    const body = JSON.stringify({
      jsonrpc: '2.0',
      method: 'call',
      id: ++this.nextId,
      params: { service, method, args: toWireValues(params) },
    });
    const reply = await httpPost({
      url,
      body,
      contentType: 'application/json',
      agent: this.options.agent,
      maxResponseBytes: this.options.maxResponseBytes,
      headers: databaseHeader(this.options),
      ...timing,
    });
    if (reply.status !== 200 || !/\bjson\b/i.test(reply.contentType)) {
      throw notProtocolReply(reply.status, 'JSON-RPC', url.pathname);
    }
    return readEnvelope(reply.body);
  }
}

export function readEnvelope(body: string): unknown {
  let envelope: unknown;
  try {
    envelope = JSON.parse(body);
  } catch {
    throw new OdooError('Odoo answered with a reply that is not valid JSON-RPC');
  }
  if (typeof envelope !== 'object' || envelope === null) {
    throw new OdooError('Odoo answered with a reply that is not valid JSON-RPC');
  }
  if ('error' in envelope && envelope.error) {
    const fault = jsonRpcErrorToFault(envelope.error);
    throw new OdooFault(fault.faultCode, fault.faultString);
  }
  if (!('result' in envelope)) throw new OdooError('Odoo answered with a reply that is not valid JSON-RPC');
  // Odoo sends `null` for a Python None; XML-RPC would have sent <nil/>: the same value either way.
  return envelope.result ?? null;
}
