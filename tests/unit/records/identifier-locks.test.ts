import { IdentifierLocks } from '../../../src/records/identifier-locks';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('IdentifierLocks', () => {
  test('when two holders want a shared key, then the second runs only after the first', async () => {
    const locks = new IdentifierLocks();
    const order: string[] = [];
    let releaseFirst = (): void => undefined;
    const first = locks.withKeys(['a', 'b'], async () => {
      order.push('first start');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      order.push('first end');
    });
    const second = locks.withKeys(['b', 'c'], async () => {
      order.push('second');
    });
    const unrelated = locks.withKeys(['z'], async () => {
      order.push('unrelated');
    });
    await tick();
    expect(order).toEqual(['first start', 'unrelated']);
    releaseFirst();
    await Promise.all([first, second, unrelated]);
    expect(order).toEqual(['first start', 'unrelated', 'first end', 'second']);
    expect(locks.size).toBe(0);
  });

  test('when the work fails, then the keys are released anyway', async () => {
    const locks = new IdentifierLocks();
    await expect(locks.withKeys(['a'], async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await expect(locks.withKeys(['a'], async () => 'next')).resolves.toBe('next');
    expect(locks.size).toBe(0);
  });
});
