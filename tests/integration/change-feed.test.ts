/**
 * The change feed `GET /{endpoint}/changes` end to end: real HTTP into the app, the simulator as Odoo,
 * records changed "from inside Odoo" (the simulator's controls), never through the gateway.
 */
import request from 'supertest';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

const CUSTOMERS = '/bj_api_sync/v1/customers';
const FEED = `${CUSTOMERS}/changes`;

interface FeedBody {
  success: boolean;
  data: Record<string, unknown>[];
  count: number;
  next_cursor: string;
  has_more: boolean;
}

/** A second as a Date: the simulator stamps dates to the second. */
const secondsAgo = (seconds: number) => new Date((Math.floor(Date.now() / 1000) - seconds) * 1000);

describe('GET /{endpoint}/changes', () => {
  let h: Harness;
  let cursor: string;
  let startedAt: string;
  let one = 0;
  let two = 0;

  /** One page from the current cursor; the cursor moves on. */
  async function nextPage(query: Record<string, string | number> = {}): Promise<FeedBody> {
    const res = await request(h.url)
      .get(FEED)
      .query({ cursor, ...query })
      .set(SHOP_AUTH);
    expect(res.status).toBe(200);
    cursor = res.body.next_cursor;
    return res.body as FeedBody;
  }

  const customerIds = (body: FeedBody) => body.data.map((record) => record.customer_id);

  beforeAll(async () => {
    h = await startHarness();
    startedAt = new Date().toISOString();
  });
  afterAll(() => h.close());

  test('when a client starts without cursor, then it gets no changes and a cursor from now', async () => {
    const res = await request(h.url).get(FEED).set(SHOP_AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: [],
      count: 0,
      next_cursor: expect.any(String),
      has_more: false,
    });
    cursor = res.body.next_cursor;
  });

  test('when customers are created inside Odoo, then the next page holds them as GET renders them', async () => {
    [one, two] = h.sim.controls.odoo.create('res.partner', [
      { name: 'Feed One', ref: 'F-1', customer_rank: 1, email: 'one@feed.example' },
      { name: 'Feed Two', ref: 'F-2', customer_rank: 1 },
      { name: 'Not a customer', ref: 'F-X' },
    ]) as [number, number];
    const page = await nextPage();
    expect(customerIds(page)).toEqual(['F-1', 'F-2']);
    expect(page).toMatchObject({ count: 2, has_more: false });
    const viaGet = await request(h.url).get(`${CUSTOMERS}/F-1`).set(SHOP_AUTH);
    expect(page.data[0]).toEqual(viaGet.body.data);
  });

  test('when the same cursor is sent twice, then both answers are the same page', async () => {
    h.sim.controls.odoo.write('res.partner', [one], { phone: '+32 1' });
    const first = await request(h.url).get(FEED).query({ cursor }).set(SHOP_AUTH);
    const again = await request(h.url).get(FEED).query({ cursor }).set(SHOP_AUTH);
    expect(first.body.data).toEqual([expect.objectContaining({ customer_id: 'F-1', phone: '+32 1' })]);
    expect(again.body).toEqual(first.body);
    cursor = first.body.next_cursor;
  });

  test('when nothing changed, then a page re-reading the recent seconds repeats nothing', async () => {
    expect(await nextPage()).toMatchObject({ data: [], count: 0, has_more: false });
  });

  test('when a customer is archived, then it comes as a tombstone', async () => {
    h.sim.controls.odoo.archive('res.partner', [two]);
    expect((await nextPage()).data).toEqual([{ customer_id: 'F-2', deleted: true }]);
  });

  test('when a record is edited twice within one second, then each version is handed out', async () => {
    const second = secondsAgo(0);
    h.sim.controls.odoo.writeAsOf('res.partner', [one], { city: 'Ghent' }, second);
    expect((await nextPage()).data).toEqual([expect.objectContaining({ customer_id: 'F-1', city: 'Ghent' })]);
    h.sim.controls.odoo.writeAsOf('res.partner', [one], { city: 'Bruges' }, second);
    expect((await nextPage()).data).toEqual([
      expect.objectContaining({ customer_id: 'F-1', city: 'Bruges' }),
    ]);
    expect((await nextPage()).data).toEqual([]);
  });

  test('when a transaction commits late with an older write_date, then it is handed out once', async () => {
    // A feed started 40 s ago and caught up: the late commit is older than what it read last.
    const start = await request(h.url)
      .get(FEED)
      .query({ since: secondsAgo(40).toISOString() })
      .set(SHOP_AUTH);
    cursor = start.body.next_cursor;
    expect((await nextPage()).data).toEqual([]);
    h.sim.controls.odoo.createAsOf(
      'res.partner',
      [{ name: 'Late', ref: 'F-L', customer_rank: 1 }],
      secondsAgo(20),
    );
    expect(customerIds(await nextPage())).toEqual(['F-L']);
    expect((await nextPage()).data).toEqual([]);
  });

  test('when a client starts with since, then it reads every change since then', async () => {
    const res = await request(h.url).get(FEED).query({ since: startedAt }).set(SHOP_AUTH);
    expect(res.status).toBe(200);
    // F-L was written 20 s "before" its commit: before `since`, so it is not a change since then.
    expect(res.body.data.map((record: { customer_id: string }) => record.customer_id).sort()).toEqual([
      'F-1',
      'F-2',
    ]);
  });

  test('when a page is limited, then the rest comes on the next pages with has_more', async () => {
    h.sim.controls.odoo.create(
      'res.partner',
      ['P-1', 'P-2', 'P-3'].map((ref) => ({ name: ref, ref, customer_rank: 1 })),
    );
    const first = await nextPage({ limit: 2 });
    expect(first).toMatchObject({ count: 2, has_more: true });
    const second = await nextPage({ limit: 2 });
    expect(second).toMatchObject({ count: 1, has_more: false });
    expect([...customerIds(first), ...customerIds(second)]).toEqual(['P-1', 'P-2', 'P-3']);
  });

  test.each([
    [{ cursor: 'not-a-cursor' }, 'INVALID_CURSOR', 'cursor'],
    [{ cursor: 'eyJ2IjoxfQ' }, 'INVALID_CURSOR', 'cursor'],
    [{ since: 'yesterday' }, 'INVALID_QUERY', 'since'],
    [{ since: '2026-01-01T00:00:00Z', cursor: 'abc' }, 'INVALID_QUERY', 'since'],
    [{ limit: 0 }, 'INVALID_QUERY', 'limit'],
    [{ limit: 100_000 }, 'INVALID_QUERY', 'limit'],
    [{ offset: 5 }, 'INVALID_QUERY', 'offset'],
  ])('when the query is %j, then it is a 400 %s naming %s', async (query, code, lineId) => {
    const res = await request(h.url).get(FEED).query(query).set(SHOP_AUTH);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, status_code: code, line_id: lineId });
  });

  test('when a cursor of another endpoint is sent, then it is a 400 naming that endpoint', async () => {
    const other = await request(h.url).get('/bj_api_sync/v1/countries/changes');
    const res = await request(h.url).get(FEED).query({ cursor: other.body.next_cursor }).set(SHOP_AUTH);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      status_code: 'INVALID_CURSOR',
      error: expect.stringContaining('countries'),
    });
  });

  test('when the caller is not authenticated, then it is a 401 like the GET of the endpoint', async () => {
    expect((await request(h.url).get(FEED)).status).toBe(401);
  });
});

describe.each([
  ['web', 'auto', ['res.partner.web_search_read']],
  ['classic', 'classic', ['res.partner.search_read']],
] as const)('the change feed on the %s read plan', (_plan, readPlan, pageCalls) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { ODOO_READ_PLAN: readPlan } });
  });
  afterAll(() => h.close());

  test('when a page of changes is read, then its Odoo calls are the ones of a GET list page', async () => {
    const start = await request(h.url).get(FEED).set(SHOP_AUTH);
    h.sim.controls.odoo.create(
      'res.partner',
      ['Q-1', 'Q-2', 'Q-3'].map((ref) => ({ name: ref, ref, customer_rank: 1, category_id: [[6, 0, [1]]] })),
    );
    await request(h.url).get(FEED).query({ cursor: start.body.next_cursor }).set(SHOP_AUTH); // warms fields_get
    h.resetCalls();
    const page = await request(h.url).get(FEED).query({ cursor: start.body.next_cursor }).set(SHOP_AUTH);
    expect(page.body.data.map((record: { customer_id: string }) => record.customer_id)).toEqual([
      'Q-1',
      'Q-2',
      'Q-3',
    ]);
    const calls = h.objectCalls().map((call) => `${call.model}.${call.modelMethod}`);
    // The classic plan adds one `read` per related model (the tags), as GET list does.
    expect(calls.slice(0, 1)).toEqual(pageCalls);
    if (readPlan === 'auto') expect(calls).toEqual(pageCalls);
  });
});
