/**
 * A replay under an Idempotency-Key is the first response again: status, body and its headers
 * (Retry-After, Location...), plus `Idempotent-Replayed: true`. The endpoint router runs with the real
 * idempotency layer and a stub batch handler that answers with headers, so the test does not depend on
 * which writes set them today (and needs no Odoo).
 */
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { loadConfig } from '../../src/config/load-config';
import { RateLimitedError } from '../../src/errors/errors';
import { errorHandler } from '../../src/errors/to-http';
import type { BatchHandler } from '../../src/http/batch-handler';
import type { RecordDeps } from '../../src/http/endpoint-handlers';
import { createEndpointRouter } from '../../src/http/endpoint-router';
import { MemoryIdempotencyStore, createIdempotency } from '../../src/http/idempotency';
import { requestId } from '../../src/http/request-id';
import { createLogger } from '../../src/logging/create-logger';
import { REPO_ROOT, SHOP_AUTH } from './support/gateway-harness';

const CUSTOMERS = '/bj_api_sync/v1/customers';

describe('Idempotency-Key replays keep the response headers', () => {
  let url: string;
  let server: Server;
  let calls = 0;
  let answer: BatchHandler = async () => {
    throw new Error('set by each test');
  };

  beforeAll(async () => {
    const config = loadConfig({ configPath: path.join(REPO_ROOT, 'config/gateway.yaml'), env: {} });
    const batch: BatchHandler = (input, method) => {
      calls += 1;
      return answer(input, method);
    };
    const logger = createLogger({
      level: 'error',
      format: 'json',
      stream: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
    });
    const app = express();
    app.use(requestId());
    app.use(
      '/bj_api_sync/v1',
      createEndpointRouter({
        getConfig: () => config,
        // The stub batch handler answers without Odoo, so it never reads these.
        recordDeps: () => ({}) as RecordDeps,
        batch,
        idempotent: createIdempotency(new MemoryIdempotencyStore({ maxEntries: 100 }), { ttlSeconds: 60 }),
      }),
    );
    app.use(errorHandler(logger));
    server = await new Promise((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    calls = 0;
  });

  const send = (key: string) =>
    request(url)
      .post(CUSTOMERS)
      .set(SHOP_AUTH)
      .set('Idempotency-Key', key)
      .send([{ customer_id: 'H-1' }]);

  test('when the first answer was an error with Retry-After, then the replay carries it again', async () => {
    answer = async () => {
      throw new RateLimitedError(7);
    };
    const first = await send('headers-error');
    const retry = await send('headers-error');
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('7');
    expect(retry.status).toBe(429);
    expect(retry.headers['retry-after']).toBe('7');
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(calls).toBe(1);
  });

  test('when the first answer set Location, then the replay sets it again', async () => {
    answer = async () => ({
      response: { status: 201, body: { success: true }, headers: { Location: `${CUSTOMERS}/H-1` } },
    });
    const first = await send('headers-location');
    const retry = await send('headers-location');
    expect(first.headers.location).toBe(`${CUSTOMERS}/H-1`);
    expect(retry.status).toBe(201);
    expect(retry.headers.location).toBe(`${CUSTOMERS}/H-1`);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(calls).toBe(1);
  });
});
