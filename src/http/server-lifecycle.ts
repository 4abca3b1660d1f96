/** Listening and draining the HTTP server: the two ends of a gateway's life. */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Express } from 'express';
import winston from 'winston';

export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.on('clientError', answerMalformedRequest);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

/**
 * Requests Node's HTTP parser rejects before Express sees them (a control character in a header, two
 * Content-Lengths, oversized headers) still get the gateway's JSON error shape and a request id,
 * instead of Node's bare `400 Bad Request`.
 */
export function answerMalformedRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const requestId = randomUUID();
  const body = JSON.stringify({
    success: false,
    error: tooLarge ? 'Request headers are too large' : 'Malformed HTTP request',
    status_code: tooLarge ? 'HEADERS_TOO_LARGE' : 'VALIDATION_ERROR',
    line_id: null,
    request_id: requestId,
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-ID: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Stop accepting, let requests in flight finish (bounded), then cut what is left. */
export async function drain(server: Server, timeoutMs: number, logger: winston.Logger): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Keep-alive sockets that go idle after their last response must not hold the shutdown.
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), timeoutMs);
  });
  const expired = await Promise.race([closed.then(() => false), timedOut]);
  clearInterval(idleSweep);
  clearTimeout(timer);
  if (expired) {
    logger.warn('shutdown timeout: closing connections that are still open', { timeout_ms: timeoutMs });
    server.closeAllConnections();
    await closed;
  }
}
