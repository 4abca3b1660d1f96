import { IdempotencyEntry } from '../../../src/idempotency/idempotency-store';
import { MemoryIdempotencyStore } from '../../../src/idempotency/memory-store';

const done = (owner: string, body: unknown = { ok: true }): IdempotencyEntry => ({
  state: 'done',
  fingerprint: 'f',
  owner,
  response: { status: 201, body },
});
const running = (owner: string): IdempotencyEntry => ({
  state: 'in_progress',
  fingerprint: 'f',
  owner,
  leaseUntil: 0,
});

describe('MemoryIdempotencyStore', () => {
  test('when a key is free, then putIfAbsent stores the entry; when taken, then it returns the holder', async () => {
    const store = new MemoryIdempotencyStore({ maxEntries: 10 });
    expect(await store.putIfAbsent('k', running('a'), 1000)).toBeUndefined();
    expect(await store.putIfAbsent('k', running('b'), 1000)).toMatchObject({ owner: 'a' });
  });

  test('when another owner tries to replace or delete an entry, then nothing changes', async () => {
    const store = new MemoryIdempotencyStore({ maxEntries: 10 });
    await store.putIfAbsent('k', running('a'), 1000);
    expect(await store.replaceIfOwner('k', 'b', done('b'), 1000)).toBe(false);
    await store.deleteIfOwner('k', 'b');
    expect(await store.get('k')).toMatchObject({ owner: 'a', state: 'in_progress' });
    expect(await store.replaceIfOwner('k', 'a', done('a'), 1000)).toBe(true);
    expect(await store.get('k')).toMatchObject({ state: 'done' });
  });

  test('when an entry outlives its TTL, then it is gone', async () => {
    let now = 1000;
    const store = new MemoryIdempotencyStore({ maxEntries: 10, now: () => now });
    await store.putIfAbsent('k', done('a'), 500);
    now += 499;
    expect(await store.get('k')).toBeDefined();
    now += 1;
    expect(await store.get('k')).toBeUndefined();
    expect(await store.putIfAbsent('k', done('b'), 500)).toBeUndefined();
  });

  test('when more keys arrive than max_entries, then the oldest finished ones are dropped first', async () => {
    const store = new MemoryIdempotencyStore({ maxEntries: 3 });
    await store.putIfAbsent('running', running('r'), 1000);
    await store.putIfAbsent('old', done('o'), 1000);
    await store.putIfAbsent('mid', done('m'), 1000);
    await store.putIfAbsent('new', done('n'), 1000);
    expect(store.size).toBe(3);
    expect(await store.get('old')).toBeUndefined();
    expect(await store.get('running')).toBeDefined();
    expect(await store.get('new')).toBeDefined();
  });

  test('when entries exceed max_bytes, then old ones are dropped to make room', async () => {
    const store = new MemoryIdempotencyStore({ maxEntries: 100, maxBytes: 3000 });
    for (let i = 0; i < 10; i++) await store.putIfAbsent(`k${i}`, done('o', 'x'.repeat(1000)), 1000);
    expect(store.size).toBeLessThanOrEqual(2);
    expect(await store.get('k9')).toBeDefined();
  });
});
