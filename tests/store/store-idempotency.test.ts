/**
 * Idempotency-Key entries in every store backend, through the gate the HTTP layer uses: claim, replay,
 * fingerprint mismatch, TTL, per-client quota, and one winner among replicas claiming one key.
 */
import { IdempotencyMismatchError } from '../../src/errors/errors';
import { IdempotencyGate } from '../../src/idempotency/idempotency-gate';
import { IdempotencyEntry } from '../../src/idempotency/idempotency-store';
import { Store } from '../../src/store/store';
import { forEachBackend, manualClock } from '../support/store-backends';

const TTL_MS = 60_000;

function gateOver(store: Store, now: () => number): IdempotencyGate {
  return new IdempotencyGate(store.idempotency, {
    ttlMs: TTL_MS,
    leaseMs: 10_000,
    waitMs: 0,
    pollMs: 5,
    now,
  });
}

function finished(owner: string, body: unknown = { ok: true }): IdempotencyEntry {
  return { state: 'done', fingerprint: 'f', owner, response: { status: 201, body } };
}

forEachBackend('idempotency entries', (backend) => {
  test('when an attempt settles, then a retry with the same request gets the stored response', async () => {
    const clock = manualClock();
    const gate = gateOver(await backend().open({ now: clock.now }), clock.now);
    const first = await gate.admit('k1', 'fp');
    expect(first.kind).toBe('run');
    if (first.kind !== 'run') return;
    await gate.settle('k1', first.owner, 'fp', { kind: 'done', response: { status: 201, body: { id: 7 } } });

    await expect(gate.admit('k1', 'fp')).resolves.toEqual({
      kind: 'replay',
      response: { status: 201, body: { id: 7 } },
    });
  });

  test('when the same key comes with another request, then it is refused as a mismatch', async () => {
    const clock = manualClock();
    const gate = gateOver(await backend().open({ now: clock.now }), clock.now);
    await gate.admit('k1', 'fp-a');

    await expect(gate.admit('k1', 'fp-b')).rejects.toBeInstanceOf(IdempotencyMismatchError);
  });

  test('when an attempt outlives its lease, then exactly one retry takes it over', async () => {
    const clock = manualClock();
    const gate = gateOver(await backend().open({ now: clock.now }), clock.now);
    await gate.admit('k1', 'fp');
    clock.advance(10_001);

    const retries = await Promise.allSettled([gate.admit('k1', 'fp'), gate.admit('k1', 'fp')]);
    const runs = retries.filter((r) => r.status === 'fulfilled' && r.value.kind === 'run');
    expect(runs).toHaveLength(1);
  });

  test('when only the owner may settle, then another owner cannot replace or delete the entry', async () => {
    const store = await backend().open();
    await store.idempotency.putIfAbsent('k1', finished('owner-a'), TTL_MS);

    await expect(
      store.idempotency.replaceIfOwner('k1', 'owner-b', finished('owner-b'), TTL_MS),
    ).resolves.toBe(false);
    await store.idempotency.deleteIfOwner('k1', 'owner-b');
    await expect(store.idempotency.get('k1')).resolves.toEqual(finished('owner-a'));
    await store.idempotency.deleteIfOwner('k1', 'owner-a');
    await expect(store.idempotency.get('k1')).resolves.toBeUndefined();
  });

  test('when the TTL has passed, then the key is free again and pruning removes the expired rows', async () => {
    const clock = manualClock();
    const store = await backend().open({ now: clock.now });
    await store.idempotency.putIfAbsent('old', finished('a'), 1000);
    await store.idempotency.putIfAbsent('young', finished('a'), 5000);
    clock.advance(1000);

    await expect(store.idempotency.get('old')).resolves.toBeUndefined();
    await expect(store.idempotency.putIfAbsent('old', finished('b'), 1000)).resolves.toBeUndefined();
    clock.advance(1000);
    await expect(store.idempotency.prune()).resolves.toBe(1);
    await expect(store.idempotency.get('young')).resolves.toEqual(finished('a'));
  });

  test("when a client goes past its quota, then its oldest finished entries go and other clients' stay", async () => {
    const clock = manualClock();
    const store = await backend().open({ now: clock.now, idempotencyQuotaPerClient: 2 });
    await store.idempotency.putIfAbsent('quiet-1', finished('q'), TTL_MS, 'quiet');
    const running: IdempotencyEntry = { state: 'in_progress', fingerprint: 'f', owner: 'r', leaseUntil: 0 };
    await store.idempotency.putIfAbsent('busy-running', running, TTL_MS, 'busy');
    for (const n of [1, 2, 3]) {
      clock.advance(1);
      await store.idempotency.putIfAbsent(`busy-${n}`, finished('b'), TTL_MS, 'busy');
    }

    const kept = await Promise.all(
      ['quiet-1', 'busy-running', 'busy-1', 'busy-2', 'busy-3'].map(async (key) => [
        key,
        (await store.idempotency.get(key)) !== undefined,
      ]),
    );
    expect(Object.fromEntries(kept)).toEqual({
      'quiet-1': true,
      'busy-running': true,
      'busy-1': false,
      'busy-2': true,
      'busy-3': true,
    });
  });
});

forEachBackend(
  'idempotency entries shared by replicas',
  (backend) => {
    test('when two store instances claim the same keys at once, then exactly one wins each key', async () => {
      const [left, right] = await Promise.all([backend().open(), backend().open()]);
      const keys = Array.from({ length: 20 }, (_, n) => `key-${n}`);
      const claims = keys.flatMap((key) => [
        left.idempotency.putIfAbsent(key, finished('left'), TTL_MS),
        right.idempotency.putIfAbsent(key, finished('right'), TTL_MS),
      ]);

      const results = await Promise.all(claims);
      for (let n = 0; n < keys.length; n++) {
        const pair = [results[2 * n], results[2 * n + 1]];
        expect(pair.filter((existing) => existing === undefined)).toHaveLength(1);
      }
    });
  },
  ['embedded', 'postgres'],
);
