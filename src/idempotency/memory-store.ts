/**
 * The default IdempotencyStore: a Map in this process, bounded by entry count and by an estimate of
 * the bytes held (batch responses can be large). Expired entries go on access; over a bound, the
 * oldest finished entries go first. Single-threaded JavaScript makes each method atomic.
 */
import { IdempotencyEntry, IdempotencyStore } from './idempotency-store';

export interface MemoryStoreOptions {
  maxEntries: number;
  /** Default 64 MiB of serialized entries. */
  maxBytes?: number;
  now?: () => number;
}

interface Slot {
  entry: IdempotencyEntry;
  expiresAt: number;
  bytes: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly slots = new Map<string, Slot>();
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions) {
    this.maxEntries = Math.max(1, options.maxEntries);
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.now = options.now ?? Date.now;
  }

  /** Entries held now (expired ones not yet swept included). */
  get size(): number {
    return this.slots.size;
  }

  async get(key: string): Promise<IdempotencyEntry | undefined> {
    return this.live(key)?.entry;
  }

  async putIfAbsent(
    key: string,
    entry: IdempotencyEntry,
    ttlMs: number,
  ): Promise<IdempotencyEntry | undefined> {
    const existing = this.live(key);
    if (existing) return existing.entry;
    this.set(key, entry, ttlMs);
    return undefined;
  }

  async replaceIfOwner(key: string, owner: string, entry: IdempotencyEntry, ttlMs: number): Promise<boolean> {
    if (this.live(key)?.entry.owner !== owner) return false;
    this.set(key, entry, ttlMs);
    return true;
  }

  async deleteIfOwner(key: string, owner: string): Promise<void> {
    if (this.live(key)?.entry.owner === owner) this.remove(key);
  }

  private live(key: string): Slot | undefined {
    const slot = this.slots.get(key);
    if (slot && slot.expiresAt <= this.now()) {
      this.remove(key);
      return undefined;
    }
    return slot;
  }

  private set(key: string, entry: IdempotencyEntry, ttlMs: number): void {
    this.remove(key); // re-inserting moves the key to the young end of the Map's order
    const slot = { entry, expiresAt: this.now() + ttlMs, bytes: sizeOf(key, entry) };
    this.slots.set(key, slot);
    this.bytes += slot.bytes;
    this.evict(key);
  }

  private remove(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    this.slots.delete(key);
    this.bytes -= slot.bytes;
  }

  /** Oldest first; requests still running are kept while finished entries can go instead. */
  private evict(keep: string): void {
    while (this.slots.size > this.maxEntries || (this.bytes > this.maxBytes && this.slots.size > 1)) {
      const victim = this.oldest(keep, true) ?? this.oldest(keep, false);
      if (victim === undefined) return;
      this.remove(victim);
    }
  }

  private oldest(keep: string, finishedOnly: boolean): string | undefined {
    const now = this.now();
    for (const [key, slot] of this.slots) {
      if (key === keep) continue;
      if (!finishedOnly || slot.expiresAt <= now || slot.entry.state !== 'in_progress') return key;
    }
    return undefined;
  }
}

function sizeOf(key: string, entry: IdempotencyEntry): number {
  return key.length + JSON.stringify(entry).length;
}
