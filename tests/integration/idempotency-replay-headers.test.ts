/**
 * A replay under an Idempotency-Key is the first response again: status, body and its headers
 * (Retry-After, Location...), plus `Idempotent-Replayed: true`. The batch handler is swapped for one
 * that answers with headers, so the test does not depend on which writes set them today.
 */
import request from 'supertest';
import { RateLimitedError } from '../../src/errors/errors';
import type { BatchHandler } from '../../src/http/batch-handler';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

const CUSTOMERS = '/bj_api_sync/v1/customers';

describe('Idempotency-Key replays keep the response headers', () => {
  let h: Harness;
  let calls = 0;
  let answer: BatchHandler = async () => {
    throw new Error('set by each test');
  };

  beforeAll(async () => {
    const batch: BatchHandler = (input, method) => {
      calls += 1;
      return answer(input, method);
    };
    h = await startHarness({ extraDeps: { batch } });
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => {
    calls = 0;
  });

  const send = (key: string) =>
    request(h.url)
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
