import { IdempotencyGate } from '../../../src/idempotency/idempotency-gate';
import { MemoryIdempotencyStore } from '../../../src/idempotency/memory-store';

function gate(now: () => number = Date.now, waitMs = 0) {
  const store = new MemoryIdempotencyStore({ maxEntries: 10, now });
  return new IdempotencyGate(store, { ttlMs: 60_000, leaseMs: 1000, waitMs, pollMs: 5, now });
}

describe('IdempotencyGate', () => {
  test('when a key is new, then the request runs; once done, then a retry replays the response', async () => {
    const g = gate();
    const first = await g.admit('k', 'f1');
    expect(first.kind).toBe('run');
    if (first.kind !== 'run') return;
    await g.settle('k', first.owner, 'f1', { kind: 'done', response: { status: 201, body: { id: 5 } } });
    expect(await g.admit('k', 'f1')).toEqual({ kind: 'replay', response: { status: 201, body: { id: 5 } } });
  });

  test('when the same key comes with another fingerprint, then it is IDEMPOTENCY_MISMATCH', async () => {
    const g = gate();
    await g.admit('k', 'f1');
    await expect(g.admit('k', 'f2')).rejects.toMatchObject({ status: 422, code: 'IDEMPOTENCY_MISMATCH' });
  });

  test('when the first attempt still runs, then a twin waits, and past its patience gets REQUEST_IN_PROGRESS', async () => {
    const g = gate(Date.now, 30);
    await g.admit('k', 'f1');
    await expect(g.admit('k', 'f1')).rejects.toMatchObject({ status: 409, code: 'REQUEST_IN_PROGRESS' });
  });

  test('when the first attempt finishes while a twin waits, then the twin replays it', async () => {
    const g = gate(Date.now, 1000);
    const first = await g.admit('k', 'f1');
    if (first.kind !== 'run') throw new Error('expected run');
    setTimeout(
      () => void g.settle('k', first.owner, 'f1', { kind: 'done', response: { status: 200, body: 1 } }),
      20,
    );
    expect(await g.admit('k', 'f1')).toMatchObject({ kind: 'replay' });
  });

  test('when an attempt left a resumable entry, then exactly one retry takes it over with what was saved', async () => {
    const g = gate();
    const first = await g.admit('k', 'f1');
    if (first.kind !== 'run') throw new Error('expected run');
    const resume = {
      saved: [{ index: 0, id: 7, created: true }],
      unknown: [{ index: 1, mode: 'create' as const }],
    };
    await g.settle('k', first.owner, 'f1', { kind: 'resumable', resume });
    const retry = await g.admit('k', 'f1');
    expect(retry).toMatchObject({ kind: 'run', resume });
    await expect(g.admit('k', 'f1')).rejects.toMatchObject({ code: 'REQUEST_IN_PROGRESS' });
  });

  test('when a running attempt outlives its lease, then a retry takes over with every item counted as lost', async () => {
    let now = 0;
    const g = gate(() => now);
    await g.admit('k', 'f1');
    now = 1001;
    expect(await g.admit('k', 'f1')).toMatchObject({ kind: 'run', everyItemLost: true });
  });

  test('when an attempt is released, then the next request runs afresh', async () => {
    const g = gate();
    const first = await g.admit('k', 'f1');
    if (first.kind !== 'run') throw new Error('expected run');
    await g.settle('k', first.owner, 'f1', { kind: 'release' });
    expect(await g.admit('k', 'f1')).toMatchObject({ kind: 'run' });
  });
});
