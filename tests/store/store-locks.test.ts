/** Identifier locks of every store backend: one holder per key, different keys in parallel. */
import { LockTimeoutError } from '../../src/store/advisory-locks';
import { Store } from '../../src/store/store';
import { forEachBackend } from '../support/store-backends';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Runs two holders of `firstKeys` and `secondKeys`; says whether the second started before the first ended. */
async function overlapped(store: Store, firstKeys: string[], secondKeys: string[]): Promise<boolean> {
  const events: string[] = [];
  const firstHolds = deferred();
  const release = deferred();
  const first = store.locks.withKeys(firstKeys, async () => {
    events.push('first-in');
    firstHolds.resolve();
    await release.promise;
    events.push('first-out');
  });
  await firstHolds.promise;
  const second = store.locks.withKeys(secondKeys, async () => {
    events.push('second-in');
  });
  await new Promise((r) => setTimeout(r, 100));
  release.resolve();
  await Promise.all([first, second]);
  return events.indexOf('second-in') < events.indexOf('first-out');
}

forEachBackend('identifier locks', (backend) => {
  test('when two writes name the same identifier, then the second waits for the first', async () => {
    const store = await backend().open();
    await expect(overlapped(store, ['customers/ref/C-1'], ['customers/ref/C-1', 'x'])).resolves.toBe(false);
  });

  test('when two writes name different identifiers, then they run side by side', async () => {
    const store = await backend().open();
    await expect(overlapped(store, ['customers/ref/C-1'], ['customers/ref/C-2'])).resolves.toBe(true);
  });

  test('when the work fails, then the error comes through and the key is free again', async () => {
    const store = await backend().open();
    await expect(store.locks.withKeys(['k'], () => Promise.reject(new Error('odoo down')))).rejects.toThrow(
      'odoo down',
    );
    await expect(store.locks.withKeys(['k'], async () => 'again')).resolves.toBe('again');
  });
});

forEachBackend(
  'identifier locks shared by replicas',
  (backend) => {
    test('when another replica holds the key past the timeout, then the writer gets LockTimeoutError', async () => {
      const holder = await backend().open();
      const waiter = await backend().open({ lockTimeoutMs: 200 });
      const holding = deferred();
      const release = deferred();
      const held = holder.locks.withKeys(['customers/ref/C-1'], async () => {
        holding.resolve();
        await release.promise;
      });
      await holding.promise;

      await expect(waiter.locks.withKeys(['customers/ref/C-1'], async () => 'ran')).rejects.toBeInstanceOf(
        LockTimeoutError,
      );
      release.resolve();
      await held;
      await expect(waiter.locks.withKeys(['customers/ref/C-1'], async () => 'ran')).resolves.toBe('ran');
    });
  },
  ['postgres'],
);
