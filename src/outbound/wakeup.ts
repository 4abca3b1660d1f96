/** A sleep another part can cut short: the sender waits for due deliveries, the poller wakes it. */
export class Wakeup {
  private pending?: { timer: NodeJS.Timeout; resolve: () => void };
  private woken = false;

  /** Resolves after `ms`, or at once when wake() was called since the last wait. */
  wait(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.fire(), ms);
      this.pending = { timer, resolve };
    });
  }

  wake(): void {
    if (this.pending) this.fire();
    else this.woken = true;
  }

  private fire(): void {
    const pending = this.pending;
    this.pending = undefined;
    this.woken = false;
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.resolve();
  }
}
