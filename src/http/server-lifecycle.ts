/** Listening and draining the HTTP server: the two ends of a gateway's life. */
import type { Server } from 'node:http';
import type { Express } from 'express';
import winston from 'winston';

export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
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
