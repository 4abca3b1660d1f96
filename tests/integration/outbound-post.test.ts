/**
 * One POST of a delivery against a real HTTP server, and what each answer means: delivered, retried
 * (5xx, 408, 429, refused, timeout; Retry-After read) or dead at once (other 4xx, redirects), with
 * the answer kept and cut to 2 KB.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RESPONSE_MAX_CHARS, postDelivery } from '../../src/outbound/post-delivery';
import { closedPort } from './support/ports';

type Reply = (res: http.ServerResponse) => void;

let server: http.Server;
let url: string;
let reply: Reply = (res) => res.end();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => reply(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const post = (target = url, timeoutMs = 2000) =>
  postDelivery({
    url: target,
    endpoint: 'customers',
    deliveryId: 'd1',
    auth: { type: 'none' },
    body: '{}',
    timeoutMs,
  });

const answering =
  (status: number, body = '', headers: Record<string, string> = {}): Reply =>
  (res) => {
    res.writeHead(status, headers);
    res.end(body);
  };

test('when the receiver answers 2xx, then the delivery is delivered', async () => {
  reply = answering(204);
  await expect(post()).resolves.toEqual({ kind: 'delivered', answer: { status: 204, response: '' } });
});

test.each([500, 503, 408, 429])(
  'when the receiver answers %i, then the delivery is retried',
  async (status) => {
    reply = answering(status, 'later');
    await expect(post()).resolves.toMatchObject({ kind: 'retry', answer: { status, response: 'later' } });
  },
);

test('when the receiver sends Retry-After, then the retry waits that long', async () => {
  reply = answering(503, '', { 'Retry-After': '7' });
  await expect(post()).resolves.toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
});

test.each([400, 401, 404, 422, 302])(
  'when the receiver answers %i, then the delivery is dead at once',
  async (status) => {
    reply = answering(status, '{"error":"no"}', status === 302 ? { Location: '/elsewhere' } : {});
    await expect(post()).resolves.toMatchObject({
      kind: 'dead',
      answer: { status, response: '{"error":"no"}' },
    });
  },
);

test('when the receiver answers a huge body, then only its first 2 KB are kept', async () => {
  reply = answering(400, 'x'.repeat(100_000));
  const outcome = await post();
  expect(outcome.answer.response).toHaveLength(RESPONSE_MAX_CHARS);
});

test('when nothing listens, then the delivery is retried and the reason names no URL', async () => {
  const outcome = await post(`http://127.0.0.1:${await closedPort()}/hook`);
  expect(outcome).toEqual({ kind: 'retry', answer: { error: 'connection refused (ECONNREFUSED)' } });
});

test('when the receiver does not answer in time, then the delivery is retried as a timeout', async () => {
  reply = () => undefined; // hangs
  await expect(post(url, 300)).resolves.toEqual({
    kind: 'retry',
    answer: { error: 'no answer within 300 ms' },
  });
});
