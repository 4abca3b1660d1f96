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

/** A call that waited too long for a slot, or found the queue full: it was never sent to Odoo. */
export class QueueTimeoutError extends Error {
  constructor(
    readonly waitedMs: number,
    readonly queueFull: boolean,
  ) {
    super(queueFull ? 'The Odoo call queue is full' : `Waited ${waitedMs} ms for a free Odoo slot`);
    this.name = 'QueueTimeoutError';
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
    /** Waiting calls beyond this are refused at once: a backlog Odoo could not clear in time anyway. */
    private readonly maxQueued = 10_000,
  ) {
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
      throw new RangeError(`maxConcurrency must be a positive integer, got ${maxConcurrency}`);
    }
  }

  /**
   * Runs `task` once a slot is free and frees the slot when it settles. A call still waiting after
   * `maxWaitMs` leaves the queue unsent (QueueTimeoutError), so a request never waits without bound.
   * `task` is told how long it waited, so that the wait and the call can share one time budget.
   */
  async run<T>(task: (waitedMs: number) => Promise<T>, maxWaitMs = Infinity): Promise<T> {
    const queuedAt = performance.now();
    await this.acquire(maxWaitMs);
    try {
      return await task(performance.now() - queuedAt);
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

  private acquire(maxWaitMs: number): Promise<void> {
    if (this.closed) return Promise.reject(new LimiterClosedError());
    if (this.inFlight < this.maxConcurrency) {
      this.inFlight++;
      this.report();
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueued) return Promise.reject(new QueueTimeoutError(0, true));
    return new Promise((grant, refuse) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          grant();
        },
        refuse: (error) => {
          clearTimeout(timer);
          refuse(error);
        },
      };
      if (Number.isFinite(maxWaitMs)) {
        timer = setTimeout(() => {
          const position = this.waiting.indexOf(waiter);
          if (position >= 0) this.waiting.splice(position, 1);
          this.report();
          refuse(new QueueTimeoutError(maxWaitMs, false));
        }, maxWaitMs);
      }
      this.waiting.push(waiter);
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
