import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A stand-in for a real Odoo 18/19 on a local port that answers with the RECORDED statuses, bodies
 * and headers of tests/fixtures/odoo-transcripts (Connection: close included, as Odoo's own server
 * sends it), for the JSON-2, session and `auto` integration tests of the Odoo client. The test's
 * handler picks the recorded case for each request; everything the gateway sent is kept.
 */
export interface SeenRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The JSON body, or for JSON-RPC envelopes their `params`. */
  json: Record<string, unknown>;
}

interface RecordedCase {
  name: string;
  http_status: number;
  /** Missing in odoo-18.0.json, whose replies are all XML-RPC. */
  response_headers?: { 'Content-Type'?: string; 'Set-Cookie'?: string[] };
  response_body: string;
}

export interface Reply {
  status: number;
  contentType: string;
  body: string;
  setCookie?: string[];
}

export type Handler = (request: SeenRequest) => Reply | 'hang' | Promise<Reply | 'hang'>;

export interface RecordedOdoo {
  url: string;
  requests: SeenRequest[];
  /** Requests to one path (`/web/session/authenticate`, `/json/2/res.partner/write`...). */
  to(pathPrefix: string): SeenRequest[];
  connections(): number;
  close(): Promise<void>;
}

const TRANSCRIPTS = path.resolve(__dirname, '../fixtures/odoo-transcripts');
const loaded = new Map<string, RecordedCase[]>();

/** The recorded answer of case `name` in `file`; `<session>` in its cookies becomes `sessionId`. */
export function recorded(file: string, name: string, sessionId = 'sid-1'): Reply {
  let cases = loaded.get(file);
  if (!cases) {
    cases = (JSON.parse(fs.readFileSync(path.join(TRANSCRIPTS, file), 'utf8')) as { cases: RecordedCase[] })
      .cases;
    loaded.set(file, cases);
  }
  const found = cases.find((c) => c.name === name);
  if (!found) throw new Error(`no recorded case ${name} in ${file}`);
  return {
    status: found.http_status,
    contentType: found.response_headers?.['Content-Type'] ?? 'text/xml; charset=utf-8',
    body: found.response_body,
    setCookie: (found.response_headers?.['Set-Cookie'] ?? []).map((line) =>
      line.replace('<session>', sessionId),
    ),
  };
}

/** A recorded JSON-2 success body replaced by another value (for calls the transcript does not hold). */
export const json2Value = (value: unknown): Reply => ({
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

/** A JSON-RPC result envelope, as Odoo's session routes send it. */
export const jsonRpcValue = (value: unknown): Reply => ({
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, result: value }),
});

export const XMLRPC_FILE = 'odoo-18.0.json';
export const SESSION_FILE = 'odoo-18.0-session.json';
export const JSON2_FILE = 'odoo-19.0-json2.json';

export async function startRecordedOdoo(
  handler: Handler,
  options: { keepAlive?: boolean; port?: number } = {},
): Promise<RecordedOdoo> {
  const requests: SeenRequest[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    void readRequest(req).then(async (request) => {
      requests.push(request);
      const reply = await handler(request);
      if (reply === 'hang') return;
      const headers: http.OutgoingHttpHeaders = { 'Content-Type': reply.contentType };
      if (reply.setCookie?.length) headers['Set-Cookie'] = reply.setCookie;
      // Odoo's own server (werkzeug) answers every request so, and closes the socket after it.
      if (options.keepAlive !== true) headers.Connection = 'close';
      res.writeHead(reply.status, headers).end(reply.body);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    to: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readRequest(req: http.IncomingMessage): Promise<SeenRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  let json: Record<string, unknown> = {};
  if (String(req.headers['content-type']).includes('json') && body) {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    json = parsed.jsonrpc ? (parsed.params as Record<string, unknown>) : parsed;
  }
  return { path: req.url ?? '', headers: req.headers, body, json };
}
