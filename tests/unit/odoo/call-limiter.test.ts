import { CallLimiter, LimiterClosedError, QueueTimeoutError } from '../../../src/odoo/call-limiter';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('CallLimiter', () => {
  it('when more calls start than the bound, then the rest wait and load() says so', async () => {
    const limiter = new CallLimiter(2);
    const gates = [deferred(), deferred(), deferred()];
    const runs = gates.map((gate) => limiter.run(() => gate.promise));
    await tick();
    expect(limiter.load()).toEqual({ inFlight: 2, queued: 1 });
    gates.forEach((gate) => gate.resolve());
    await Promise.all(runs);
    expect(limiter.load()).toEqual({ inFlight: 0, queued: 0 });
  });

  it('when slots free up, then waiting calls start first in, first out', async () => {
    const limiter = new CallLimiter(1);
    const started: number[] = [];
    const first = deferred();
    const runs = [limiter.run(() => first.promise)];
    for (const n of [1, 2, 3]) runs.push(limiter.run(async () => void started.push(n)));
    await tick();
    expect(started).toEqual([]);
    first.resolve();
    await Promise.all(runs);
    expect(started).toEqual([1, 2, 3]);
  });

  it('when a call fails, then its slot is freed for the next one', async () => {
    const limiter = new CallLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('when the queue changes, then the observer hears every change', async () => {
    const seen: string[] = [];
    const limiter = new CallLimiter(1, (inFlight, queued) => seen.push(`${inFlight}/${queued}`));
    const gate = deferred();
    const runs = [limiter.run(() => gate.promise), limiter.run(async () => undefined)];
    await tick();
    gate.resolve();
    await Promise.all(runs);
    expect(seen).toEqual(['1/0', '1/1', '1/0', '0/0']);
  });

  it('when the limiter is closed, then queued and later calls are refused', async () => {
    const limiter = new CallLimiter(1);
    const gate = deferred();
    const running = limiter.run(() => gate.promise);
    const queued = limiter.run(async () => 'never');
    limiter.close();
    await expect(queued).rejects.toBeInstanceOf(LimiterClosedError);
    await expect(limiter.run(async () => 'later')).rejects.toBeInstanceOf(LimiterClosedError);
    gate.resolve();
    await running;
  });

  it('when the bound is not a positive integer, then construction fails', () => {
    expect(() => new CallLimiter(0)).toThrow(RangeError);
  });

  it('when a call waits longer than its budget for a slot, then it leaves the queue unsent', async () => {
    const limiter = new CallLimiter(1);
    const gate = deferred();
    const running = limiter.run(() => gate.promise);
    let ran = false;
    const queued = limiter.run(async () => {
      ran = true;
    }, 20);
    await expect(queued).rejects.toBeInstanceOf(QueueTimeoutError);
    expect(limiter.load()).toEqual({ inFlight: 1, queued: 0 });
    gate.resolve();
    await running;
    expect(ran).toBe(false);
    expect(limiter.load()).toEqual({ inFlight: 0, queued: 0 });
  });

  it('when the queue is full, then a further call is refused at once', async () => {
    const limiter = new CallLimiter(1, undefined, 1);
    const gate = deferred();
    const running = limiter.run(() => gate.promise);
    const queued = limiter.run(async () => 'second');
    await expect(limiter.run(async () => 'third')).rejects.toMatchObject({ queueFull: true });
    gate.resolve();
    await expect(queued).resolves.toBe('second');
    await running;
  });
});
