/**
 * The Idempotency-Key protocol over a store, free of HTTP: `admit` decides whether this request runs,
 * resumes an interrupted attempt, replays a stored response, waits for a concurrent twin, or is
 * refused; `settle` records how the attempt ended.
 */
import { randomUUID } from 'node:crypto';
import { IdempotencyMismatchError, RequestInProgressError } from '../errors/errors';
import { IdempotencyEntry, IdempotencyStore, StoredResponse, StoredResume } from './idempotency-store';

export interface GateOptions {
  ttlMs: number;
  /** How long a running attempt holds its key before a retry may presume it dead. */
  leaseMs: number;
  /** How long a concurrent duplicate waits for the first before a 409 REQUEST_IN_PROGRESS. */
  waitMs: number;
  pollMs: number;
  now: () => number;
}

export type Admission =
  | { kind: 'run'; owner: string; resume?: StoredResume; everyItemLost?: boolean }
  | { kind: 'replay'; response: StoredResponse };

export type Settlement =
  | { kind: 'done'; response: StoredResponse }
  | { kind: 'resumable'; resume: StoredResume }
  | { kind: 'release' };

export class IdempotencyGate {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly options: GateOptions,
  ) {}

  /** `client` names the caller's quota in the store (see IdempotencyStore.putIfAbsent). */
  async admit(key: string, fingerprint: string, client?: string): Promise<Admission> {
    const deadline = this.options.now() + this.options.waitMs;
    for (;;) {
      const owner = randomUUID();
      const claim: IdempotencyEntry = {
        state: 'in_progress',
        fingerprint,
        owner,
        leaseUntil: this.leaseEnd(),
      };
      const existing = await this.store.putIfAbsent(key, claim, this.options.ttlMs, client);
      if (!existing) return { kind: 'run', owner };
      if (existing.fingerprint !== fingerprint) throw new IdempotencyMismatchError();
      if (existing.state === 'done') return { kind: 'replay', response: existing.response };
      const admission = await this.takeOver(key, existing, { ...claim, resume: resumeOf(existing) });
      if (admission) return admission;
      const left = deadline - this.options.now();
      if (left <= 0) throw new RequestInProgressError();
      await sleep(Math.min(this.options.pollMs, left));
    }
  }

  async settle(key: string, owner: string, fingerprint: string, settlement: Settlement): Promise<void> {
    if (settlement.kind === 'release') return this.store.deleteIfOwner(key, owner);
    const entry: IdempotencyEntry =
      settlement.kind === 'done'
        ? { state: 'done', fingerprint, owner, response: settlement.response }
        : { state: 'resumable', fingerprint, owner, resume: settlement.resume };
    await this.store.replaceIfOwner(key, owner, entry, this.options.ttlMs);
  }

  /** An interrupted attempt (resumable, or running past its lease) is taken over by exactly one retry. */
  private async takeOver(
    key: string,
    existing: IdempotencyEntry,
    claim: IdempotencyEntry & { state: 'in_progress' },
  ): Promise<Admission | undefined> {
    const dead = existing.state === 'in_progress' && existing.leaseUntil <= this.options.now();
    if (existing.state !== 'resumable' && !dead) return undefined;
    if (!(await this.store.replaceIfOwner(key, existing.owner, claim, this.options.ttlMs))) return undefined;
    return {
      kind: 'run',
      owner: claim.owner,
      resume: claim.resume,
      ...(dead ? { everyItemLost: true } : {}),
    };
  }

  private leaseEnd(): number {
    return this.options.now() + this.options.leaseMs;
  }
}

function resumeOf(entry: IdempotencyEntry): StoredResume | undefined {
  return entry.state === 'done' ? undefined : entry.resume;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
