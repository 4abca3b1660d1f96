/**
 * Bad inputs the generated run (robustness-fuzz.test.ts) found answered with a 500 or leaving changes
 * behind, pinned one by one so each stays fixed.
 */
import request from 'supertest';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';
import { deepJson } from './robustness-junk';
import { changingCalls } from './robustness-wire';

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

describe('robustness: deeply nested bodies', () => {
  it.each([
    ['an array', deepJson(5000, 'array')],
    ['an object', deepJson(5000, 'object')],
    ['a known key', `{"name":${deepJson(5000, 'object')}}`],
    ['a batch', `[${deepJson(300_000, 'array')}]`],
  ])(
    'when %s nests 5,000+ levels (with an Idempotency-Key), then it is a 400, not a stack overflow',
    async (_what, body) => {
      h.resetCalls();
      const res = await request(h.url)
        .post(api('partner-tags'))
        .auth('tags', 'tags-secret')
        .set('Idempotency-Key', `deep-${body.length}`)
        .type('application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ success: false, status_code: 'VALIDATION_ERROR' });
      expect(res.body.error).toMatch(/nests deeper than \d+ levels/);
      expect(changingCalls(h.objectCalls())).toEqual([]);
    },
  );

  it('when a body nests as deep as a real batch of nested records, then it is accepted', async () => {
    const order = {
      order_ref: 'DEEP-OK-1',
      customer: 'C-1001',
      lines: [{ sku: 'SKU-001', quantity: 1, price_unit: 2 }],
    };
    const res = await request(h.url).post(api('sale-orders')).set(SHOP_AUTH).send([order]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, created: 1 });
  });
});

describe('robustness: a rejected write creates no related records (create_missing)', () => {
  const tagCount = async (name: string): Promise<number> => {
    const res = await request(h.url)
      .get(api(`partner-tags?name=${encodeURIComponent(name)}`))
      .auth('tags', 'tags-secret');
    return (res.body as { total: number }).total;
  };
  const customer = (id: string, tag: string, extra: Record<string, unknown> = {}) => ({
    customer_id: id,
    name: `Customer ${id}`,
    tags: [tag],
    ...extra,
  });

  it.each([
    [
      'PUT to a customer that does not exist (404)',
      'put',
      'customers/NO-SUCH-1',
      customer('NO-SUCH-1', 'Tag 404'),
    ],
    ['POST of an identifier that exists (409)', 'post', 'customers', customer('C-1001', 'Tag 409')],
    [
      'POST whose other relation value is unknown (400)',
      'post',
      'customers',
      customer('NEW-400', 'Tag 400', { country: 'ZZ' }),
    ],
  ] as const)('when a %s names a new tag, then the tag is not created', async (_what, method, path, body) => {
    const [tag] = body.tags;
    h.resetCalls();
    const res = await request(h.url)[method](api(path)).set(SHOP_AUTH).send(body);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body).toMatchObject({ success: false });
    expect(changingCalls(h.objectCalls())).toEqual([]);
    expect(await tagCount(tag ?? '')).toBe(0);
  });

  it('when an atomic batch has one bad item, then the good items create no tags either', async () => {
    h.resetCalls();
    const res = await request(h.url)
      .post(api('customers?atomic=true'))
      .set(SHOP_AUTH)
      .send([
        customer('ATOM-1', 'Tag atomic'),
        customer('ATOM-2', 'Tag atomic 2', { email: 'not-an-email' }),
      ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: false, created: 0, failed: 2 });
    expect(changingCalls(h.objectCalls())).toEqual([]);
    expect(await tagCount('Tag atomic')).toBe(0);
  });

  it('when a batch has a good and a rejected item, then only the good item’s new tag is created', async () => {
    const res = await request(h.url)
      .post(api('customers'))
      .set(SHOP_AUTH)
      .send([customer('MIX-1', 'Tag kept'), customer('C-1001', 'Tag of a conflict')]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, failed: 1 });
    expect(res.body.results[1]).toMatchObject({ success: false, status_code: 'CONFLICT' });
    expect(await tagCount('Tag kept')).toBe(1);
    expect(await tagCount('Tag of a conflict')).toBe(0);
  });
});
