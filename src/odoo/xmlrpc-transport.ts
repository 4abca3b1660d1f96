/**
 * XML-RPC transport: our own HTTP (http-post.ts) and our own XML-RPC codec (src/wire/), after the
 * `xmlrpc` library's serializer and SAX deserializer were measured as the gateway's main CPU costs.
 *
 * Why not `odoo-xmlrpc`: it is callback-only, creates a new client per call, passes only host, port
 * and path to `xmlrpc` (so no timeout, no keep-alive agent, no headers, and a URL path prefix such as
 * `https://erp.example.com/odoo` is dropped), and sends uid 0 when `execute_kw` runs before `connect`.
 *
 * Why not `xmlrpc`'s own client either: it has no timeout or abort of its own, only checks for
 * HTTP 404 (an HTML 502 page from a reverse proxy surfaces as "Unknown XML-RPC tag 'HTML'"), ignores
 * the content type, and uses the deprecated `new Buffer` (DEP0005). We first kept its
 * `serializeMethodCall` and SAX `Deserializer` and did the HTTP ourselves; the benchmark then showed
 * the two as the largest CPU costs of a gateway request (a page of 100 records is ~100 KB of XML).
 * So calls are written by src/wire/xmlrpc-call.ts (strings, not an xmlbuilder DOM) and replies read
 * by src/wire/xmlrpc-parser.ts (one pass, shared with the simulator). The parser also returns
 * `<base64>` as base64 text (no `new Buffer`), `dateTime.iso8601` as Odoo's UTC text (the library read
 * it in the gateway's local time zone), and `<i8>` as a number (the library gave a string).
 */
import { serializeXmlRpcCall } from '../wire/xmlrpc-call';
import { MethodResponse, ValueDecoders, XmlRpcParseError, parseXmlRpcResponse } from '../wire/xmlrpc-parser';
import { OdooError, ValidationError } from '../errors/errors';
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

export class XmlRpcTransport implements RpcTransport {
  constructor(private readonly options: RpcTransportOptions) {}

  async call(
    service: OdooService,
    method: string,
    params: unknown[],
    timing: RpcCallTiming,
  ): Promise<unknown> {
    const url = endpointUrl(this.options.baseUrl, `xmlrpc/2/${service}`);
    const reply = await httpPost({
      url,
      body: serializeCall(method, params),
      contentType: 'text/xml',
      agent: this.options.agent,
      maxResponseBytes: this.options.maxResponseBytes,
      headers: databaseHeader(this.options),
      ...timing,
    });
    if (reply.status !== 200 || !looksLikeXml(reply.contentType, reply.body)) {
      throw notProtocolReply(reply.status, 'XML-RPC', url.pathname);
    }
    return parseMethodResponse(reply.body);
  }
}

export function serializeCall(method: string, params: unknown[]): string {
  const wire = toWireValues(params);
  try {
    return serializeXmlRpcCall(method, wire);
  } catch {
    // Never quote the offending value: it may be the password.
    throw new ValidationError('A value holds a character that XML-RPC cannot carry (a control character)');
  }
}

function looksLikeXml(contentType: string, body: string): boolean {
  if (contentType !== '') return /\bxml\b/i.test(contentType);
  return /^\s*<(?:\?xml|methodResponse)\b/.test(body);
}

/** Resolves with the result, rejects with an OdooFault, or with an OdooError when the body is not XML-RPC. */
export function parseMethodResponse(body: string): Promise<unknown> {
  let response: MethodResponse;
  try {
    response = parseXmlRpcResponse(body, ODOO_VALUES);
  } catch {
    return Promise.reject(new OdooError('Odoo answered with a reply that is not valid XML-RPC'));
  }
  if ('value' in response) return Promise.resolve(response.value);
  const { faultCode, faultString } = response.fault;
  const code = typeof faultCode === 'number' ? faultCode : String(faultCode);
  return Promise.reject(new OdooFault(code, typeof faultString === 'string' ? faultString : ''));
}

const ODOO_VALUES: ValueDecoders = {
  // Kept as base64 text, the form Odoo's binary fields use everywhere else.
  base64: (text) => text,
  dateTime: (text) => xmlRpcDateToOdoo(text),
  // Beyond 2^53 a number would silently lose digits: keep the exact digits as text.
  bigInteger: (text) => text,
};

/** `20240501T13:45:00` (naive, which Odoo means as UTC) → `2024-05-01 13:45:00`. */
function xmlRpcDateToOdoo(data: string): string {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})/.exec(data.trim());
  if (!match) throw new XmlRpcParseError('Invalid dateTime.iso8601');
  const [, year, month, day, hour, minute, second] = match;
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}
