import { OdooError } from '../errors/errors';
import { httpPost } from './http-post';
import { readEnvelope } from './jsonrpc-transport';
import {
  databaseHeader,
  endpointUrl,
  notProtocolReply,
  RpcCallTiming,
  RpcTransportOptions,
} from './rpc-transport';

/**
 * `POST /web/webclient/version_info`: the server's version without a login or a database (a JSON-RPC
 * route of the web client, Odoo 9+), for the transports that do not speak XML-RPC.
 */
export async function fetchVersionInfo(
  options: RpcTransportOptions,
  timing: RpcCallTiming,
): Promise<unknown> {
  const url = endpointUrl(options.baseUrl, 'web/webclient/version_info');
  const reply = await httpPost({
    url,
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 0, params: {} }),
    contentType: 'application/json',
    agent: options.agent,
    maxResponseBytes: options.maxResponseBytes,
    headers: databaseHeader(options),
    ...timing,
  });
  if (reply.status !== 200 || !/\bjson\b/i.test(reply.contentType)) {
    throw notProtocolReply(reply.status, 'JSON-RPC', url.pathname);
  }
  const info = readEnvelope(reply.body);
  if (typeof info !== 'object' || info === null || !('server_version' in info)) {
    throw new OdooError('Odoo answered version_info without a server version');
  }
  return info;
}
