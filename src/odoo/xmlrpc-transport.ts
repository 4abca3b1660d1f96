/**
 * XML-RPC transport, built on the `xmlrpc` library's serializer and deserializer with our own HTTP.
 *
 * Why not `odoo-xmlrpc`: it is callback-only, creates a new client per call, passes only host, port
 * and path to `xmlrpc` (so no timeout, no keep-alive agent, no headers, and a URL path prefix such as
 * `https://erp.example.com/odoo` is dropped), and sends uid 0 when `execute_kw` runs before `connect`.
 *
 * Why not `xmlrpc`'s own client either: it has no timeout or abort of its own, only checks for
 * HTTP 404 (an HTML 502 page from a reverse proxy surfaces as "Unknown XML-RPC tag 'HTML'"), ignores
 * the content type, and uses the deprecated `new Buffer` (DEP0005). So we keep what it does well,
 * `serializeMethodCall` and the SAX-based `Deserializer`, and do the HTTP in http-post.ts.
 *
 * Library behaviour we correct (see odoo-values.ts for the request side): `<base64>` replies would
 * go through `new Buffer` and become Buffers, `dateTime.iso8601` replies would be read in the
 * gateway's local time zone, and `<i8>` would come back as a string.
 */
import { PassThrough } from 'node:stream';
import { serializeMethodCall } from 'xmlrpc/lib/serializer';
import Deserializer from 'xmlrpc/lib/deserializer';
import { OdooError, ValidationError } from '../errors/errors';
import { httpPost } from './http-post';
import { toWireValues } from './odoo-values';
import {
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
    return serializeMethodCall(method, wire);
  } catch {
    // xmlbuilder's message quotes the offending string, which may be the password: never pass it on.
    throw new ValidationError('A value holds a character that XML-RPC cannot carry (a control character)');
  }
}

function looksLikeXml(contentType: string, body: string): boolean {
  if (contentType !== '') return /\bxml\b/i.test(contentType);
  return /^\s*<(?:\?xml|methodResponse)\b/.test(body);
}

/** Resolves with the result, rejects with an OdooFault, or with an OdooError when the body is not XML-RPC. */
export function parseMethodResponse(body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const deserializer = patchedDeserializer();
    const stream = new PassThrough();
    deserializer.deserializeMethodResponse(stream, (error, result) => {
      if (!error) return resolve(result);
      const fault = error as { faultCode?: unknown; faultString?: unknown };
      if (fault.faultCode !== undefined) {
        const code = typeof fault.faultCode === 'number' ? fault.faultCode : String(fault.faultCode);
        return reject(new OdooFault(code, typeof fault.faultString === 'string' ? fault.faultString : ''));
      }
      reject(new OdooError('Odoo answered with a reply that is not valid XML-RPC'));
    });
    stream.end(body, 'utf8');
  });
}

function patchedDeserializer(): Deserializer {
  const deserializer = new Deserializer('utf8');
  deserializer.endBase64 = function (this: Deserializer, data: string) {
    // Kept as base64 text, the form Odoo's binary fields use everywhere else (and no `new Buffer`).
    this.push(data.replace(/\s+/g, ''));
    this.value = false;
  };
  deserializer.endDateTime = function (this: Deserializer, data: string) {
    this.push(xmlRpcDateToOdoo(data));
    this.value = false;
  };
  deserializer.endI8 = function (this: Deserializer, data: string) {
    const value = Number(data);
    if (!/^-?\d+$/.test(data.trim())) throw new Error('Invalid i8');
    this.push(Number.isSafeInteger(value) ? value : data.trim());
    this.value = false;
  };
  return deserializer;
}

/** `20240501T13:45:00` (naive, which Odoo means as UTC) → `2024-05-01 13:45:00`. */
function xmlRpcDateToOdoo(data: string): string {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})/.exec(data.trim());
  if (!match) throw new Error('Invalid dateTime.iso8601');
  const [, year, month, day, hour, minute, second] = match;
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}
