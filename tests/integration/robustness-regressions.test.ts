/**
 * Bad inputs the generated run (robustness-fuzz.test.ts) found answered with a 500 or leaving changes
 * behind, pinned one by one so each stays fixed.
 */
import request from 'supertest';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

const api = (path: string) => `/bj_api_sync/v1/${path}`;

describe('robustness: list parameters the query parser nests', () => {
  it.each([
    ['order[0]=name&order[1][b]=c', 'order'],
    ['order=name&order[a]=x', 'order'],
    ['fields[0]=name&fields[1][b]=c', 'fields'],
    ['limit[a]=5', 'limit'],
    ['offset[0]=1&offset[1][x]=2', 'offset'],
  ])('when a list is asked with %s, then it is a 400 INVALID_QUERY naming %s', async (query, lineId) => {
    const res = await request(h.url)
      .get(api(`customers?${query}`))
      .set(SHOP_AUTH);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, status_code: 'INVALID_QUERY', line_id: lineId });
  });

  it('when a reserved parameter is repeated as plain text, then the last one still wins', async () => {
    const res = await request(h.url).get(api('customers?limit=1&limit=2')).set(SHOP_AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, limit: 2, count: 2 });
  });
});
