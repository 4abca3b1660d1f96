/**
 * Writes that name the same identifier value (two POSTs of customer C-1001 at once, a client retrying
 * without an Idempotency-Key while its first attempt still waits on Odoo) are serialised here, so the
 * second sees the first's record instead of creating a duplicate between lookup and create.
 * Odoo has no unique constraint on such fields to do it for us. In-process only: several replicas
 * need a shared lock (or Idempotency-Keys) for the same guarantee.
 */
export class IdentifierLocks {
  private readonly held = new Map<string, Promise<void>>();

  /** Runs `work` while holding every key; keys are taken all at once, so two holders never deadlock. */
  async withKeys<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const wanted = [...new Set(keys)];
    for (;;) {
      const busy = wanted.map((key) => this.held.get(key)).filter((p): p is Promise<void> => p !== undefined);
      if (busy.length === 0) break;
      await Promise.all(busy);
    }
    // No await between the check above and the claim below: the claim is atomic for the event loop.
    let release = (): void => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    for (const key of wanted) this.held.set(key, mine);
    try {
      return await work();
    } finally {
      for (const key of wanted) if (this.held.get(key) === mine) this.held.delete(key);
      release();
    }
  }

  get size(): number {
    return this.held.size;
  }
}
