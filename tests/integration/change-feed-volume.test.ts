/**
 * The change feed under load: 10,000 customers created and then modified inside Odoo (one control
 * call per 1,000) while a loop keeps editing random ones, and a client pages through the feed at the
 * same time. Every version it is handed is new (no repeat), each record's versions come in the order
 * they were written, and when the writes stop the last version handed out of every record is the one
 * Odoo holds (no gap).
 */
import request from 'supertest';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

const FEED = '/bj_api_sync/v1/customers/changes';
const RECORDS = 10_000;
const BATCH = 1_000;
const PAGE = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each write stamps a new version number in `phone`, so a rendered record says which version it is. */
let version = 0;
const stamp = () => ({ phone: `v${++version}` });

describe('change feed under concurrent writes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  test('when 10,000 changes are paged through while writes continue, then none is repeated and none is missing', async () => {
    const odoo = h.sim.controls.odoo;
    const start = await request(h.url).get(FEED).set(SHOP_AUTH);
    let cursor: string = start.body.next_cursor;
    let writing = true;
    const ids: number[] = [];

    const bulkWriter = (async () => {
      for (let offset = 0; offset < RECORDS; offset += BATCH) {
        const batch = Array.from({ length: BATCH }, (_, k) => ({
          name: `Load ${offset + k}`,
          ref: `L-${offset + k}`,
          customer_rank: 1,
          ...stamp(),
        }));
        ids.push(...odoo.create('res.partner', batch));
        await sleep(300);
      }
      for (let offset = 0; offset < RECORDS; offset += BATCH) {
        odoo.write('res.partner', ids.slice(offset, offset + BATCH), stamp());
        await sleep(300);
      }
      writing = false;
    })();
    const randomWriter = (async () => {
      while (writing) {
        if (ids.length > 0)
          odoo.write('res.partner', [ids[Math.floor(Math.random() * ids.length)]!], stamp());
        await sleep(10);
      }
    })();

    const handedOut = new Map<string, number[]>();
    let total = 0;
    let pagesWhileWriting = 0;
    const readPage = async () => {
      const res = await request(h.url).get(FEED).query({ cursor, limit: PAGE }).set(SHOP_AUTH);
      expect(res.status).toBe(200);
      cursor = res.body.next_cursor;
      if (writing) pagesWhileWriting++;
      for (const record of res.body.data as Array<{ customer_id: string; phone: string }>) {
        const versions = handedOut.get(record.customer_id) ?? [];
        versions.push(Number(record.phone.slice(1)));
        handedOut.set(record.customer_id, versions);
        total++;
      }
      return res.body as { count: number; has_more: boolean };
    };

    while (writing) {
      const page = await readPage();
      if (!page.has_more) await sleep(20);
    }
    await Promise.all([bulkWriter, randomWriter]);
    // Writes have stopped. Once the last seconds are closed (1 s + clock_skew_s) and re-read, the
    // feed catches up, and then a page is quiet.
    await sleep(3_500);
    while ((await readPage()).has_more);
    expect(await readPage()).toMatchObject({ count: 0, has_more: false });

    // No repeat: each record's versions strictly increase (a version handed out twice would not).
    const unordered = [...handedOut].filter(([, versions]) =>
      versions.some((v, k) => k > 0 && v <= versions[k - 1]!),
    );
    expect(unordered).toEqual([]);
    // No gap: the last version handed out of every record is the one Odoo holds now.
    const finals = await allFinalVersions(h);
    expect(finals.size).toBe(RECORDS);
    const wrong = [...finals].filter(([ref, v]) => handedOut.get(ref)?.at(-1) !== v);
    expect(wrong).toEqual([]);
    // The feed was read while the writes went on, not only after them.
    expect(pagesWhileWriting).toBeGreaterThan(10);
    expect(total).toBeGreaterThanOrEqual(RECORDS);
  }, 60_000);
});

/** Each load record's phone version as GET list pages answer it now. */
async function allFinalVersions(h: Harness): Promise<Map<string, number>> {
  const finals = new Map<string, number>();
  for (let offset = 0; ; offset += 1000) {
    const res = await request(h.url)
      .get('/bj_api_sync/v1/customers')
      .query({
        'customer_id[like]': 'L-',
        limit: 1000,
        offset,
        fields: 'customer_id,phone',
        order: 'customer_id',
      })
      .set(SHOP_AUTH);
    expect(res.status).toBe(200);
    for (const row of res.body.data as Array<{ customer_id: string; phone: string }>) {
      finals.set(row.customer_id, Number(row.phone.slice(1)));
    }
    if (res.body.data.length < 1000) return finals;
  }
}
