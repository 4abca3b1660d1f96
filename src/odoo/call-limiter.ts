/**
 * Bounds the calls in flight to Odoo (each Odoo worker serves one call at a time; more parallel
 * calls than workers only queue inside Odoo, where they cannot be seen). The rest wait here, first
 * in, first out, and the observer hears about every change.
 */
export class LimiterClosedError extends Error {
  constructor() {
    super('The Odoo call limiter is closed');
    this.name = 'LimiterClosedError';
  }
}

interface Waiter {
  grant: () => void;
  refuse: (error: Error) => void;
}

export class CallLimiter {
  private inFlight = 0;
  private readonly waiting: Waiter[] = [];
  private closed = false;

  constructor(
    private readonly maxConcurrency: number,
    private readonly onChange: (inFlight: number, queued: number) => void = () => undefined,
  ) {
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
      throw new RangeError(`maxConcurrency must be a positive integer, got ${maxConcurrency}`);
    }
  }

  /** Runs `task` once a slot is free and frees the slot when it settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  load(): { inFlight: number; queued: number } {
    return { inFlight: this.inFlight, queued: this.waiting.length };
  }

  /** Refuses the queued calls and every later one; calls in flight finish normally. */
  close(): void {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.refuse(new LimiterClosedError());
    this.report();
  }

  private acquire(): Promise<void> {
    if (this.closed) return Promise.reject(new LimiterClosedError());
    if (this.inFlight < this.maxConcurrency) {
      this.inFlight++;
      this.report();
      return Promise.resolve();
    }
    return new Promise((grant, refuse) => {
      this.waiting.push({ grant, refuse });
      this.report();
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so no later caller can overtake it.
    if (next) next.grant();
    else this.inFlight--;
    this.report();
  }

  private report(): void {
    try {
      this.onChange(this.inFlight, this.waiting.length);
    } catch {
      // A metrics callback must never break an Odoo call.
    }
  }
}
