/**
 * The outbound admin API's edges, over real HTTP with the simulator as Odoo: a delivery being sent
 * cannot be replayed beside itself (409); the deliveries list refuses parameters it does not know; a
 * stored cursor that no longer decodes is reported once (log and status) and reset by
 * `POST …/cursor`, which also backfills from a time in the past.
 */
import request from 'supertest';
import { usePushingGateway } from './support/outbound-config';
import { defaultAnswer } from './support/outbound-receiver';
import { sleep, waitFor } from './support/waiting';

const ADMIN = '/bj_api_sync/outbound';

describe('outbound admin API', () => {
  const pushing = usePushingGateway('  interval_s: 1\n');
  let serial = 0;
  beforeEach(() => {
    pushing.receiver.answer = defaultAnswer;
  });

  /** A customer created inside Odoo (write_date `at`, default now); resolves to its ref. */
  function createCustomer(at?: Date): string {
    const ref = `ADM-${++serial}`;
    const vals = [{ name: `Admin ${serial}`, ref, customer_rank: 1 }];
    const odoo = pushing.h.sim.controls.odoo;
    if (at) odoo.createAsOf('res.partner', vals, at);
    else odoo.create('res.partner', vals);
    return ref;
  }
  const postsOf = (ref: string) =>
    pushing.receiver.received.filter((r) => r.body.events.some((e) => e.record.ref === ref));
  const status = async () =>
    (await request(pushing.h.url).get(ADMIN)).body.data[0] as Record<string, unknown>;
  const resetCursor = (body: unknown) =>
    request(pushing.h.url)
      .post(`${ADMIN}/partners/cursor`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body));

  test('when a delivery is being sent, then replaying it is a 409 and it is POSTed once', async () => {
    const ref = createCustomer();
    pushing.receiver.answer = (r) =>
      r.body.events.some((e) => e.record.ref === ref) ? { status: 200, delayMs: 1500 } : defaultAnswer(r);
    await waitFor(async () => postsOf(ref).length === 1);
    const id = postsOf(ref)[0]!.body.delivery_id;

    const replay = await request(pushing.h.url).post(`${ADMIN}/partners/deliveries/${id}/replay`);
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ success: false, status_code: 'CONFLICT' });
    expect(replay.body.error).toContain('being sent right now');

    await waitFor(async () => (await status()).pending === 0);
    await sleep(1200); // a second claim would have been sent by now
    expect(postsOf(ref)).toHaveLength(1);
    // Delivered: it is gone from the queue.
    expect((await request(pushing.h.url).post(`${ADMIN}/partners/deliveries/${id}/replay`)).status).toBe(404);
  });

  test('when the deliveries list gets a parameter it does not know or a bad limit/offset, then it answers 400 INVALID_QUERY naming it', async () => {
    const list = (query: string) => request(pushing.h.url).get(`${ADMIN}/partners/deliveries?${query}`);
    const unknown = await list('status=dead');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ success: false, status_code: 'INVALID_QUERY' });
    expect(unknown.body.error).toContain('status');
    expect(unknown.body.error).toContain('state, limit, offset');
    for (const bad of ['limit=0', 'limit=501', 'limit=ten', 'limit=1&limit=2', 'offset=-1', 'offset=1.5']) {
      const res = await list(bad);
      expect({ bad, status: res.status, code: res.body.status_code }).toEqual({
        bad,
        status: 400,
        code: 'INVALID_QUERY',
      });
    }
    const ok = await list('state=dead&limit=500&offset=0');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ success: true, limit: 500, offset: 0 });
  });

  test('when the stored cursor cannot be decoded, then one error names the reset, the status shows it, and a reset from now resumes the push', async () => {
    await pushing.h.store.outbound.setCursor('partners', 'written-by-hand'); // an edited store
    await sleep(3500); // three polls or more
    const reported = pushing.h.logs.filter((line) => line.includes('The stored cursor cannot be read'));
    expect(reported).toHaveLength(1);
    expect(JSON.parse(reported[0]!)).toMatchObject({ level: 'error', endpoint: 'partners' });
    expect(reported[0]).toContain('POST /bj_api_sync/outbound/partners/cursor');
    expect(pushing.h.logs.filter((line) => line.includes('reading the change feed failed'))).toEqual([]);
    expect(await status()).toMatchObject({
      cursor_error: expect.stringContaining('POST /bj_api_sync/outbound/partners/cursor'),
    });

    const reset = await resetCursor({ from: 'now' });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ success: true, since: expect.any(String) });
    expect(await status()).toMatchObject({ cursor_error: null });
    const ref = createCustomer();
    await waitFor(async () => postsOf(ref).length === 1, 4000);
  });

  test('when the cursor is reset to a time in the past, then changes since then are pushed again (backfill)', async () => {
    // Written ten minutes ago: before the push started, so the push never sent it.
    const old = createCustomer(new Date(Date.now() - 600_000));
    const fresh = createCustomer();
    await waitFor(async () => postsOf(fresh).length === 1, 4000);
    expect(postsOf(old)).toEqual([]);

    const since = new Date(Date.now() - 900_000).toISOString();
    const reset = await resetCursor({ since });
    expect(reset.status).toBe(200);
    expect(reset.body.since).toBe(since.replace(/\.\d{3}Z$/, '.000Z'));
    await waitFor(async () => postsOf(old).length === 1 && postsOf(fresh).length === 2, 5000);
    // A change sent again keeps its event id: a receiver that dropped repeats drops it.
    const [first, again] = postsOf(fresh).map((r) => r.body.events.find((e) => e.record.ref === fresh));
    expect(again?.event_id).toBe(first?.event_id);
  });

  test('when the cursor reset gets a body it cannot use, then it answers a 400 that says what to send', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    for (const body of [
      {},
      { from: 'later' },
      { since: 'yesterday' },
      { since: future },
      { since: '2026-01-01T00:00:00Z', from: 'now' },
      { from: 'now', rewind: true },
      [],
      'now',
    ]) {
      const res = await resetCursor(body);
      expect({ body, status: res.status, code: res.body.status_code }).toEqual({
        body,
        status: 400,
        code: 'VALIDATION_ERROR',
      });
      expect(res.body.error).toMatch(/from|since|JSON object/);
    }
    const notJson = await request(pushing.h.url)
      .post(`${ADMIN}/partners/cursor`)
      .set('Content-Type', 'application/json')
      .send('{"from":');
    expect(notJson.status).toBe(400);
    expect(notJson.body.status_code).toBe('INVALID_JSON');
    const empty = await request(pushing.h.url).post(`${ADMIN}/partners/cursor`);
    expect(empty.status).toBe(400);
    expect(empty.body.error).toContain('{"from": "now"}');
    expect(
      (await request(pushing.h.url).post(`${ADMIN}/customers/cursor`).send({ from: 'now' })).status,
    ).toBe(404);
  });
});
