import request from 'supertest';
import { Harness, startHarness } from './support/gateway-harness';

describe('rate limiting (rate_limit in gateway.yaml)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { RATE_LIMIT_MAX: '3' } });
  });
  afterAll(() => h.close());

  test('when a client goes over the limit, then it gets 429 RATE_LIMITED with Retry-After and RateLimit headers', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let k = 0; k < 4; k += 1) {
      last = await request(h.url).get('/bj_api_sync/v1/countries/BE');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.body).toMatchObject({ success: false, status_code: 'RATE_LIMITED' });
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.headers['ratelimit-policy']).toBeDefined();
    const health = await request(h.url).get('/health');
    expect(health.status).toBe(200);
  });
});
