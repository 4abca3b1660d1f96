import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import Deserializer from 'xmlrpc/lib/deserializer';
import { serializeFault, serializeMethodResponse } from 'xmlrpc/lib/serializer';

/**
 * A tiny stand-in for Odoo on a local port, for the Odoo client's integration tests: it decodes each
 * XML-RPC or JSON-RPC call, records it, and answers whatever the test's handler says.
 */
export interface SeenCall {
  path: string;
  method: string;
  params: unknown[];
  headers: http.IncomingHttpHeaders;
}

export type FakeReply =
  { status?: number; contentType?: string; body: string } | { hang: true } | { destroy: true };

export type FakeHandler = (call: SeenCall) => FakeReply | Promise<FakeReply>;

export interface FakeOdoo {
  url: string;
  calls: SeenCall[];
  /** TCP connections accepted so far. */
  connections: () => number;
  /** Requests being handled right now. */
  active: () => number;
  maxActive: () => number;
  close(): Promise<void>;
}

export const xmlResult = (value: unknown): FakeReply => ({ body: serializeMethodResponse(value) });
export const xmlFault = (faultCode: number, faultString: string): FakeReply => ({
  body: serializeFault({ faultCode, faultString }),
});
export const jsonResult = (value: unknown): FakeReply => ({
  contentType: 'application/json',
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, result: value }),
});
export const jsonError = (name: string, message: string): FakeReply => ({
  contentType: 'application/json',
  body: JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    error: {
      code: 200,
      message: 'Odoo Server Error',
      data: { name, message, debug: `Traceback\n${name}: ${message}` },
    },
  }),
});

export async function startFakeOdoo(
  handler: FakeHandler,
  options: { keepAlive?: boolean } = {},
): Promise<FakeOdoo> {
  const calls: SeenCall[] = [];
  let connections = 0;
  let active = 0;
  let maxActive = 0;
  const server = http.createServer((req, res) => {
    active++;
    maxActive = Math.max(maxActive, active);
    res.on('close', () => active--);
    void readCall(req).then(async (call) => {
      calls.push(call);
      const reply = await handler(call);
      if ('hang' in reply) return;
      if ('destroy' in reply) return req.socket.destroy();
      const headers: http.OutgoingHttpHeaders = {
        'Content-Type': reply.contentType ?? 'text/xml; charset=utf-8',
      };
      if (options.keepAlive === false) headers.Connection = 'close';
      res.writeHead(reply.status ?? 200, headers).end(reply.body);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    connections: () => connections,
    active: () => active,
    maxActive: () => maxActive,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readCall(req: http.IncomingMessage): Promise<SeenCall> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const path = req.url ?? '';
  const { headers } = req;
  if (String(req.headers['content-type']).includes('json')) {
    const envelope = JSON.parse(body) as { params: { method: string; args: unknown[] } };
    return { path, method: envelope.params.method, params: envelope.params.args, headers };
  }
  return new Promise((resolve, reject) => {
    const stream = new PassThrough();
    new Deserializer().deserializeMethodCall(stream, (error, method, params) =>
      error ? reject(error) : resolve({ path, method: method ?? '', params: params ?? [], headers }),
    );
    stream.end(body);
  });
}
