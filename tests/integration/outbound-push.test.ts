/**
 * The outbound push end to end: partners changed inside Odoo (the simulator's controls, never the
 * gateway) reach a real HTTP receiver in the mapped shape, signed; refusals end in the dead letters
 * with the receiver's answer; the admin API replays, pauses and resumes; /metrics shows it all.
 */
import request from 'supertest';
import { OUTBOUND_SECRET, PARTNERS_AUTH, usePushingGateway } from './support/outbound-config';
import { defaultAnswer } from './support/outbound-receiver';
import { sleep, waitFor } from './support/waiting';

const ADMIN = '/bj_api_sync/outbound';

describe('outbound push to a receiver', () => {
  const pushing = usePushingGateway(
    '  interval_s: 1\n  max_attempts: 3\n  backoff: { initial_ms: 100, max_ms: 400 }\n',
  );
  let serial = 0;
  beforeEach(() => {
    pushing.receiver.answer = defaultAnswer;
    pushing.receiver.secret = OUTBOUND_SECRET;
  });

  /** A customer created inside Odoo; resolves to its ref. */
  function createCustomer(fields: Record<string, unknown> = {}): string {
    const ref = `OUT-${++serial}`;
    pushing.h.sim.controls.odoo.create('res.partner', [
      { name: `Pushed ${serial}`, ref, customer_rank: 1, ...fields },
    ]);
    return ref;
  }

  const receivedRefs = () => pushing.receiver.events().map((event) => event.record.ref);
  const waitForRef = (ref: string, timeoutMs = 5000) =>
    waitFor(async () => receivedRefs().includes(ref), timeoutMs);

  test('when a partner is changed inside Odoo, then the receiver gets it within interval_s + 1 s, mapped and signed', async () => {
    const changed = Date.now();
    const ref = createCustomer({ email: 'pushed@example.com' });
    await waitForRef(ref, 2000);
    expect(Date.now() - changed).toBeLessThanOrEqual(2000);

    const delivery = pushing.receiver.received.find((r) => r.body.events.some((e) => e.record.ref === ref));
    const viaGet = await request(pushing.h.url).get(`/bj_api_sync/v1/partners/${ref}`).set(PARTNERS_AUTH);
    expect(delivery?.body).toEqual({
      endpoint: 'partners',
      delivery_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      events: [
        {
          event_id: expect.stringMatching(/^[0-9a-f]{32}$/),
          event: 'create',
          changed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
          record: viaGet.body.data,
        },
      ],
    });
    expect(delivery?.signatureOk).toBe(true);
    expect(delivery?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-gateway-endpoint': 'partners',
      'x-gateway-delivery': delivery?.body.delivery_id,
      'x-signature': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
  });

  test('when the receiver fails with 5xx, then the delivery is retried with the same ids until it is taken', async () => {
    let failures = 2;
    pushing.receiver.answer = (r) => (failures-- > 0 ? { status: 503, body: 'busy' } : defaultAnswer(r));
    const ref = createCustomer();
    await waitForRef(ref);
    await waitFor(
      async () => pushing.receiver.received.filter((r) => r.body.events[0]?.record.ref === ref).length === 3,
    );
    const attempts = pushing.receiver.received.filter((r) => r.body.events[0]?.record.ref === ref);
    expect(new Set(attempts.map((r) => r.raw)).size).toBe(1); // same body: same delivery id, same event id
    await waitFor(async () => (await pushing.h.store.outbound.summary()).every((q) => q.pending === 0));
    const metrics = await pushing.h.metricsText();
    expect(metrics).toMatch(
      /gateway_outbound_deliveries_total\{endpoint="partners",outcome="retried"\} [2-9]/,
    );
    expect(metrics).toMatch(
      /gateway_outbound_deliveries_total\{endpoint="partners",outcome="delivered"\} [1-9]/,
    );
  });

  test('when the signature secret is wrong, then the delivery is dead with the 401 recorded, and a replay after the fix delivers it', async () => {
    pushing.receiver.secret = 'the-receiver-expects-another-secret';
    const ref = createCustomer();
    const dead = await waitForDead(1);
    expect(dead[0]).toMatchObject({
      state: 'dead',
      attempts: 1,
      last_status: 401,
      last_response: '{"error":"bad signature"}',
      record_count: 1,
    });
    expect(receivedRefs()).toContain(ref); // it was sent, and refused

    pushing.receiver.secret = OUTBOUND_SECRET; // ops fixed the secret
    const replay = await request(pushing.h.url).post(`${ADMIN}/partners/replay`);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ success: true, replayed: 1 });
    await waitFor(async () =>
      pushing.receiver.received.some((r) => r.body.events[0]?.record.ref === ref && r.signatureOk),
    );
    await waitForDead(0);
  });

  test('when the receiver answers 422, then the delivery is dead at once with its answer, and replaying it by id delivers it', async () => {
    pushing.receiver.answer = () => ({ status: 422, body: '{"error":"email is required"}' });
    const ref = createCustomer();
    const [dead] = await waitForDead(1);
    expect(dead).toMatchObject({
      attempts: 1,
      last_status: 422,
      last_response: '{"error":"email is required"}',
    });
    expect(String(dead?.last_error)).toContain('422');

    pushing.receiver.answer = defaultAnswer;
    const replay = await request(pushing.h.url).post(
      `${ADMIN}/partners/deliveries/${String(dead?.id)}/replay`,
    );
    expect(replay.status).toBe(200);
    await waitFor(
      async () => pushing.receiver.received.filter((r) => r.body.events[0]?.record.ref === ref).length === 2,
    );
    await waitForDead(0);
  });

  test('when the push is paused, then nothing is sent until it is resumed, and the status shows it', async () => {
    expect((await request(pushing.h.url).post(`${ADMIN}/partners/pause`)).status).toBe(200);
    const status = await request(pushing.h.url).get(ADMIN);
    expect(status.body.data).toEqual([
      expect.objectContaining({ endpoint: 'partners', paused: true, pending: 0, dead: 0, lag_seconds: 0 }),
    ]);
    const ref = createCustomer();
    await sleep(2500);
    expect(receivedRefs()).not.toContain(ref);

    expect((await request(pushing.h.url).post(`${ADMIN}/partners/resume`)).status).toBe(200);
    await waitForRef(ref, 3000);
  });

  test('when an admin route names an unknown endpoint, delivery or state, then it answers a 4xx JSON error', async () => {
    const unknown = await request(pushing.h.url).post(`${ADMIN}/customers/pause`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ success: false, status_code: 'NOT_FOUND' });
    const noDelivery = await request(pushing.h.url).post(`${ADMIN}/partners/deliveries/nope/replay`);
    expect(noDelivery.status).toBe(404);
    // A made-up id is named, not echoed whole.
    const longId = await request(pushing.h.url).post(
      `${ADMIN}/partners/deliveries/${'x'.repeat(5000)}/replay`,
    );
    expect(longId.status).toBe(404);
    expect(longId.body.error.length).toBeLessThan(200);
    const badState = await request(pushing.h.url)
      .get(`${ADMIN}/partners/deliveries`)
      .query({ state: 'gone' });
    expect(badState.status).toBe(400);
    expect(badState.body.error).toContain('state');
  });

  test('when /metrics is scraped, then it shows the queue depth and lag of each pushing endpoint', async () => {
    const metrics = await pushing.h.metricsText();
    expect(metrics).toContain('gateway_outbound_queue_depth{endpoint="partners",state="pending"} 0');
    expect(metrics).toContain('gateway_outbound_queue_depth{endpoint="partners",state="dead"} 0');
    expect(metrics).toContain('gateway_outbound_lag_seconds{endpoint="partners"} 0');
  });

  async function waitForDead(count: number): Promise<Array<Record<string, unknown>>> {
    let data: Array<Record<string, unknown>> = [];
    await waitFor(async () => {
      const res = await request(pushing.h.url).get(`${ADMIN}/partners/deliveries`).query({ state: 'dead' });
      data = res.body.data as Array<Record<string, unknown>>;
      return data.length === count;
    });
    return data;
  }
});
