/**
 * Pause takes effect at once, over real HTTP with the simulator as a slow Odoo: a poll round reading
 * a long backlog page by page stops at its next page once the pause has answered, and the resume
 * carries on from where it stopped.
 */
import request from 'supertest';
import { usePushingGateway } from './support/outbound-config';
import { sleep, waitFor } from './support/waiting';

const ADMIN = '/bj_api_sync/outbound';
/** One delivery per feed page (100 changes), kept pending: the receiver fails and the retry is a minute away. */
const OUTBOUND = '  interval_s: 1\n  batch_size: 100\n  backoff: { initial_ms: 60000, max_ms: 60000 }\n';
const PAGES = 6;

describe('pausing the outbound push', () => {
  const pushing = usePushingGateway(OUTBOUND);

  test('when the push is paused while a poll round reads a backlog, then no further page is queued until it is resumed', async () => {
    const { h, receiver } = pushing;
    receiver.answer = () => ({ status: 503 });
    const admin = (path: string, body?: object) =>
      request(h.url).post(`${ADMIN}/partners/${path}`).send(body);
    const pending = async (): Promise<number> => {
      const res = await request(h.url).get(`${ADMIN}/partners/deliveries`).query({ limit: 500 });
      return res.body.total as number;
    };

    // A backlog of PAGES pages in closed seconds, read again from before it (the backfill).
    expect((await admin('pause')).status).toBe(200);
    const start = Date.now() - 60_000;
    for (let page = 0; page < PAGES; page++) {
      const vals = Array.from({ length: 100 }, (_, k) => ({
        name: `Backlog ${page}-${k}`,
        ref: `PAUSE-${page}-${k}`,
        customer_rank: 1,
      }));
      h.sim.controls.odoo.createAsOf('res.partner', vals, new Date(start + (page + 1) * 5000));
    }
    expect((await admin('cursor', { since: new Date(start).toISOString() })).status).toBe(200);
    h.sim.controls.setLatency(400); // each page takes a while to read

    expect((await admin('resume')).status).toBe(200);
    await waitFor(async () => (await pending()) >= 1, 10_000);
    expect((await admin('pause')).status).toBe(200);
    const atPause = await pending();
    await sleep(3000); // several pages' worth of reading
    // At most the page being read when the pause came; before, the round went on to its end.
    expect(await pending()).toBeLessThanOrEqual(atPause + 1);

    h.sim.controls.setLatency(0);
    expect((await admin('resume')).status).toBe(200);
    await waitFor(async () => (await pending()) >= PAGES, 10_000);
  });
});
