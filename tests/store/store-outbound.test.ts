/**
 * The outbound queue in every store backend: the poller's lease, a page committed once (cursor and
 * deliveries together), claims that never hand one delivery to two senders, retries, dead letters,
 * replays and the queue summary. On PostgreSQL, two stores (two replicas) claim concurrently.
 */
import { NewDelivery } from '../../src/store/outbound-queue';
import { Store } from '../../src/store/store';
import { forEachBackend, manualClock } from '../support/store-backends';

const T0 = 1_700_000_000_000;

function delivery(id: string, oldestChangeAt = T0 - 5000): NewDelivery {
  return { id, payload: `{"delivery_id":"${id}"}`, eventIds: [`e-${id}`], oldestChangeAt };
}

/** An endpoint whose cursor is at c0, held by `holder`, with `ids` queued. */
async function queued(store: Store, ids: string[], holder = 'a'): Promise<void> {
  await store.outbound.takeLease('customers', holder, 10_000);
  await store.outbound.commitPage('customers', holder, null, 'c0', []);
  await store.outbound.commitPage(
    'customers',
    holder,
    'c0',
    'c1',
    ids.map((id) => delivery(id)),
  );
}

forEachBackend('outbound queue', (backend) => {
  test('when a replica holds the lease, then another gets it only after it expired or was released', async () => {
    const clock = manualClock(T0);
    const store = await backend().open({ now: clock.now });
    const queue = store.outbound;
    await expect(queue.takeLease('customers', 'a', 5000)).resolves.toMatchObject({
      cursor: null,
      paused: false,
    });
    await expect(queue.takeLease('customers', 'b', 5000)).resolves.toBeUndefined();
    clock.advance(4000);
    await expect(queue.takeLease('customers', 'a', 5000)).resolves.toBeDefined(); // renewed to T0+9000
    clock.advance(4000);
    await expect(queue.takeLease('customers', 'b', 5000)).resolves.toBeUndefined();
    clock.advance(2000);
    await expect(queue.takeLease('customers', 'b', 5000)).resolves.toBeDefined();
    await queue.releaseLease('customers', 'b');
    await expect(queue.takeLease('customers', 'a', 5000)).resolves.toBeDefined();
  });

  test('when a page is committed, then its cursor and deliveries are saved once, and only by the lease holder', async () => {
    const store = await backend().open({ now: () => T0 });
    const queue = store.outbound;
    await queue.takeLease('customers', 'a', 10_000);
    await expect(queue.commitPage('customers', 'b', null, 'c0', [])).resolves.toBe(false);
    await expect(queue.commitPage('customers', 'a', null, 'c0', [])).resolves.toBe(true);
    await expect(
      queue.commitPage('customers', 'a', 'c0', 'c1', [delivery('d1'), delivery('d2')]),
    ).resolves.toBe(true);
    // The same page again (a poller that read from a stale cursor): nothing is written.
    await expect(queue.commitPage('customers', 'a', 'c0', 'c1', [delivery('d3')])).resolves.toBe(false);
    await expect(queue.state('customers')).resolves.toMatchObject({ cursor: 'c1', updatedAt: T0 });
    const page = await queue.list('customers', 'pending', 10, 0);
    expect(page.total).toBe(2);
    expect(page.deliveries.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(page.deliveries[0]).toMatchObject({
      endpoint: 'customers',
      state: 'pending',
      eventIds: ['e-d1'],
      attempts: 0,
      last: {},
    });
    // A list never carries the bodies (up to batch_size records each); a claim, to send it, does.
    expect(page.deliveries[0]).not.toHaveProperty('payload');
    await expect(queue.claim('customers', 'a', 1, 1000)).resolves.toMatchObject([
      { id: 'd1', payload: '{"delivery_id":"d1"}' },
    ]);
  });

  test('when deliveries are claimed, then a claimed one is not claimed again until its claim expires', async () => {
    const clock = manualClock(T0);
    const store = await backend().open({ now: clock.now });
    const queue = store.outbound;
    await queued(store, ['d1', 'd2', 'd3']);
    const first = await queue.claim('customers', 'a', 2, 1000);
    expect(first.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(first.map((d) => d.attempts)).toEqual([1, 1]);
    const second = await queue.claim('customers', 'b', 5, 60_000);
    expect(second.map((d) => d.id)).toEqual(['d3']);
    clock.advance(1001);
    // a's claims expired (a was killed mid-POST): b takes them over, same ids, one more attempt each.
    const taken = await queue.claim('customers', 'b', 5, 1000);
    expect(taken.map((d) => [d.id, d.attempts])).toEqual([
      ['d1', 2],
      ['d2', 2],
    ]);
    // a's late outcome does not overwrite b's claim.
    await queue.dead('d1', 'a', { status: 400 });
    await expect(queue.list('customers', 'dead', 10, 0)).resolves.toMatchObject({ total: 0 });
  });

  test('when a delivery is retried, delivered or dead, then the queue and its summary say so', async () => {
    const clock = manualClock(T0);
    const store = await backend().open({ now: clock.now });
    const queue = store.outbound;
    await queued(store, ['d1', 'd2', 'd3']);
    await queue.claim('customers', 'a', 3, 1000);
    await queue.delivered('d1');
    await queue.retryAt('d2', 'a', T0 + 60_000, { error: 'connection refused (ECONNREFUSED)' });
    await queue.dead('d3', 'a', { status: 401, error: 'HTTP 401', response: '{"error":"bad signature"}' });

    await expect(queue.claim('customers', 'a', 3, 1000)).resolves.toEqual([]); // d2 not due yet
    await expect(queue.summary()).resolves.toEqual([
      { endpoint: 'customers', pending: 1, dead: 1, oldestPendingAt: T0 - 5000 },
    ]);
    const dead = await queue.list('customers', 'dead', 10, 0);
    expect(dead.deliveries[0]).toMatchObject({
      id: 'd3',
      attempts: 1,
      last: { status: 401, error: 'HTTP 401', response: '{"error":"bad signature"}' },
    });
    clock.advance(60_000);
    await expect(queue.claim('customers', 'a', 3, 1000)).resolves.toMatchObject([{ id: 'd2', attempts: 2 }]);
  });

  test('when dead deliveries are replayed, then they are due now with a fresh count of attempts', async () => {
    const store = await backend().open({ now: () => T0 });
    const queue = store.outbound;
    await queued(store, ['d1', 'd2']);
    await queue.claim('customers', 'a', 2, 1000);
    await queue.dead('d1', 'a', { status: 400 });
    await queue.dead('d2', 'a', { status: 400 });

    await expect(queue.replay('customers', 'nope')).resolves.toBe('unknown');
    await expect(queue.replay('products', 'd1')).resolves.toBe('unknown');
    await expect(queue.replay('customers', 'd1')).resolves.toBe('replayed');
    await expect(queue.claim('customers', 'a', 5, 1000)).resolves.toMatchObject([{ id: 'd1', attempts: 1 }]);
    await expect(queue.replayDead('customers')).resolves.toBe(1);
    await expect(queue.list('customers', 'dead', 10, 0)).resolves.toMatchObject({ total: 0 });
  });

  test('when an endpoint is paused, then its state says so until it is resumed', async () => {
    const store = await backend().open();
    await store.outbound.setPaused('customers', true);
    await expect(store.outbound.state('customers')).resolves.toMatchObject({ paused: true, cursor: null });
    await expect(store.outbound.takeLease('customers', 'a', 1000)).resolves.toMatchObject({ paused: true });
    await store.outbound.setPaused('customers', false);
    await expect(store.outbound.state('customers')).resolves.toMatchObject({ paused: false });
  });

  test('when a delivery is being sent, then replaying it is refused until its claim ended or expired', async () => {
    const clock = manualClock(T0);
    const store = await backend().open({ now: clock.now });
    const queue = store.outbound;
    await queued(store, ['d1']);
    await queue.claim('customers', 'a', 1, 1000);
    await expect(queue.replay('customers', 'd1')).resolves.toBe('in-flight');
    await expect(queue.claim('customers', 'b', 1, 1000)).resolves.toEqual([]); // no second sender
    clock.advance(1000); // the sender died: its claim expired
    await expect(queue.replay('customers', 'd1')).resolves.toBe('replayed');
    await expect(queue.claim('customers', 'b', 1, 1000)).resolves.toMatchObject([{ id: 'd1', attempts: 1 }]);
  });

  test('when an endpoint is paused mid-round, then the next page is not committed and nothing is claimed', async () => {
    const store = await backend().open({ now: () => T0 });
    const queue = store.outbound;
    await queued(store, ['d1']);
    await queue.setPaused('customers', true);
    await expect(queue.commitPage('customers', 'a', 'c1', 'c2', [delivery('d2')])).resolves.toBe(false);
    await expect(queue.claim('customers', 'a', 5, 1000)).resolves.toEqual([]);
    await expect(queue.list('customers', 'pending', 10, 0)).resolves.toMatchObject({ total: 1 });
    await queue.setPaused('customers', false);
    await expect(queue.commitPage('customers', 'a', 'c1', 'c2', [delivery('d2')])).resolves.toBe(true);
    await expect(queue.claim('customers', 'a', 5, 1000)).resolves.toHaveLength(2);
  });

  test('when the cursor is reset, then a page read from the old cursor is not committed', async () => {
    const store = await backend().open({ now: () => T0 });
    const queue = store.outbound;
    await queued(store, []);
    await queue.setCursor('customers', 'reset');
    await expect(queue.commitPage('customers', 'a', 'c1', 'c2', [delivery('d1')])).resolves.toBe(false);
    await expect(queue.state('customers')).resolves.toMatchObject({ cursor: 'reset', updatedAt: T0 });
    await queue.setCursor('products', 'first'); // an endpoint never polled yet
    await expect(queue.state('products')).resolves.toMatchObject({ cursor: 'first', paused: false });
  });

  test('when two replicas claim at once, then no delivery is handed to both', async () => {
    const current = backend();
    if (!current.shared) return; // memory stores are not shared between two opens
    const [one, two] = [await current.open(), await current.open()];
    const ids = Array.from({ length: 60 }, (_, index) => `d${String(index).padStart(2, '0')}`);
    await queued(one, ids);
    const claimed: string[] = [];
    await Promise.all(
      [one, two].flatMap((store, replica) =>
        Array.from({ length: 8 }, async () => {
          for (;;) {
            const got = await store.outbound.claim('customers', `r${replica}`, 3, 60_000);
            if (got.length === 0) return;
            claimed.push(...got.map((d) => d.id));
          }
        }),
      ),
    );
    expect(claimed.sort()).toEqual(ids);
  });
});
