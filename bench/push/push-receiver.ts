/**
 * The push row's receiver: a plain node http server in the bench process on 127.0.0.1, as small as a
 * real one can be. It checks each POST's HMAC signature (the gateway signs with the bench secret),
 * answers 200 and counts the events (received-events.ts); `waitFor` resolves once this run's records
 * have all arrived.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signature } from '../../src/outbound/signing';
import { ReceivedEvents, emptyReceived, receiveDelivery } from './received-events';

export interface PushReceiver {
  readonly url: string;
  readonly received: ReceivedEvents;
  /** Milliseconds (performance.now) when `ours` reached `count`; undefined if `timeoutMs` passed first. */
  waitFor(count: number, timeoutMs: number): Promise<number | undefined>;
  close(): Promise<void>;
}

export async function startPushReceiver(
  secret: string,
  isOurs: (record: Record<string, unknown>) => boolean,
): Promise<PushReceiver> {
  const received = emptyReceived();
  let waiter: { count: number; resolve: (at: number) => void } | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const status = answer(req, body, secret, received, isOurs);
      res.writeHead(status, { 'content-type': 'application/json' }).end(`{"ok":${status === 200}}`);
      if (waiter && received.ours >= waiter.count) waiter.resolve(performance.now());
    });
  });
  // Keep-alive beyond the gateway's own idle timeout, so the sender never writes on a closing socket.
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/receive`,
    received,
    waitFor(count, timeoutMs) {
      if (received.ours >= count) return Promise.resolve(performance.now());
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(undefined), timeoutMs);
        waiter = {
          count,
          resolve: (at) => {
            clearTimeout(timer);
            waiter = undefined;
            resolve(at);
          },
        };
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(
  req: http.IncomingMessage,
  body: string,
  secret: string,
  received: ReceivedEvents,
  isOurs: (record: Record<string, unknown>) => boolean,
): number {
  if (req.method !== 'POST' || req.headers['x-signature'] !== signature(secret, body)) {
    received.refused += 1;
    return 401;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  return receiveDelivery(received, parsed, isOurs) ? 200 : 400;
}
