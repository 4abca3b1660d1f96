/**
 * Match value → id lookups (country code "BE" → 20) kept across requests for a short TTL, so a steady
 * stream of single-record syncs does not ask Odoo for the same countries and tags every time.
 * Off unless `relation_cache_ttl_ms` > 0: a record renamed in Odoo is seen only after the TTL.
 * Only hits are cached; a value not found is looked up again next time (it may have been created).
 */
const MAX_ENTRIES = 10_000;

export class RelationCache {
  private readonly entries = new Map<string, { id: number; expires: number }>();

  constructor(
    private readonly ttlMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs() > 0;
  }

  /** `scope`: what else decides the answer, e.g. the endpoint's Odoo context (its company). */
  get(scope: string, model: string, match: string, value: string | number): number | undefined {
    const key = cacheKey(scope, model, match, value);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.id;
  }

  set(scope: string, model: string, match: string, value: string | number, id: number): void {
    if (!this.enabled) return;
    if (this.entries.size >= MAX_ENTRIES) {
      // Oldest first: Map keeps insertion order.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(cacheKey(scope, model, match, value), { id, expires: this.now() + this.ttlMs() });
  }
}

function cacheKey(scope: string, model: string, match: string, value: string | number): string {
  return `${scope}|${model}|${match}|${typeof value}:${String(value)}`;
}
