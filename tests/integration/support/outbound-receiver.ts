/**
 * A real HTTP receiver for the outbound push: records every request it gets, checks the signature
 * the way docs/outbound.md tells receivers to, and answers what the test says — 200, a status, or
 * nothing at all (hang). It can go down (port closed) and come back on the same port.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http, { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedEvent {
  event_id: string;
  event: string;
  changed_at: string;
  record: Record<string, unknown>;
}

export interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  raw: string;
  body: { endpoint: string; delivery_id: string; events: ReceivedEvent[] };
  /** Whether X-Signature matched the receiver's secret (undefined when it has none). */
  signatureOk?: boolean;
}

export type Answer = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

export interface Receiver {
  url: string;
  received: Received[];
  /** Every event received, in order, repeats included. */
  events(): ReceivedEvent[];
  /** What to answer; default: 401 on a bad signature, else 200. */
  answer: (request: Received) => Answer;
  /** The secret signatures are checked with. */
  secret?: string;
  /** Closes the port (connections refused) until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export function validSignature(secret: string, raw: string, header: string | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const defaultAnswer = (request: Received): Answer =>
  request.signatureOk === false
    ? { status: 401, body: '{"error":"bad signature"}' }
    : { status: 200, body: '{"ok":true}' };

export async function startReceiver(secret?: string): Promise<Receiver> {
  const sockets = new Set<Socket>();
  let port = 0;
  let server: http.Server | undefined;
  const receiver: Receiver = {
    url: '',
    received: [],
    events: () => receiver.received.flatMap((request) => request.body.events),
    answer: defaultAnswer,
    secret,
    down: async () => {
      const closing = server;
      server = undefined;
      if (!closing) return;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    up: async () => {
      server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const header = req.headers['x-signature'];
          const request: Received = {
            at: Date.now(),
            headers: req.headers,
            raw,
            body: JSON.parse(raw) as Received['body'],
            ...(receiver.secret === undefined
              ? {}
              : {
                  signatureOk: validSignature(
                    receiver.secret,
                    raw,
                    typeof header === 'string' ? header : undefined,
                  ),
                }),
          };
          receiver.received.push(request);
          const answer = receiver.answer(request);
          if (answer === 'hang') return;
          res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
          res.end(answer.body ?? '');
        });
      });
      server.on('connection', (socket: Socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      const listening = server;
      await new Promise<void>((resolve) => listening.listen(port, '127.0.0.1', resolve));
      port = (listening.address() as AddressInfo).port;
      receiver.url = `http://127.0.0.1:${port}/hooks/odoo`;
    },
    close: () => receiver.down(),
  };
  await receiver.up();
  return receiver;
}
