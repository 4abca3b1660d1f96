/**
 * How an attempt under an Idempotency-Key ended, from the reply its handler returned: the response
 * (or the error response) and the item outcomes of the write. The rule: a response is stored for replay only when it is final; when some write
 * may be retried (its outcome is unknown, or it failed for a reason that may pass), the key stays open
 * for a retry that resumes the attempt, keeping what was saved.
 */
import { ItemOutcome, ResumeState } from '../records/write-outcome';
import { Settlement } from './idempotency-gate';
import { StoredResponse, StoredResume } from './idempotency-store';

export function settlementFor(
  response: StoredResponse,
  outcomes: readonly ItemOutcome[] | undefined,
): Settlement {
  if (response.status >= 500) {
    return outcomes ? { kind: 'resumable', resume: resumeFrom(outcomes) } : { kind: 'release' };
  }
  if (outcomes?.some(mayBeRetried)) return { kind: 'resumable', resume: resumeFrom(outcomes) };
  return { kind: 'done', response };
}

function mayBeRetried(outcome: ItemOutcome): boolean {
  return !outcome.ok && (outcome.unknown !== undefined || outcome.error.status >= 500);
}

function resumeFrom(outcomes: readonly ItemOutcome[]): StoredResume {
  const resume: StoredResume = { saved: [], unknown: [] };
  for (const outcome of outcomes) {
    if (outcome.ok) resume.saved.push({ index: outcome.index, id: outcome.id, created: outcome.created });
    else if (outcome.unknown) resume.unknown.push({ index: outcome.index, mode: outcome.unknown });
  }
  return resume;
}

export function toResumeState(
  resume: StoredResume | undefined,
  everyItemLost = false,
): ResumeState | undefined {
  if (!resume && !everyItemLost) return undefined;
  return {
    saved: new Map((resume?.saved ?? []).map((item) => [item.index, { ...item, ok: true as const }])),
    unknown: new Map((resume?.unknown ?? []).map((item) => [item.index, item.mode])),
    ...(everyItemLost ? { everyItemLost } : {}),
  };
}
