/**
 * One page of the change feed, decided (pure): which of the records Odoo answered are handed out, and
 * the cursor after them. A record is handed out unless its version was already: same second, same id,
 * and (in a second that keeps hashes) the same content. The page stops after `limit` changes; what it
 * did not reach comes on the next page.
 */
import { FeedCursor, MAX_CLOSED_RUNS, MAX_OPEN_HASHES, SeenBucket, toRuns } from './feed-cursor';
import { FeedTiming, isOpenSecond, windowStart } from './feed-query';

/** A record as the feed sees it: its Odoo id, the second of its write_date, its content hash. */
export interface FeedRow {
  id: number;
  second: number;
  hash: string;
}

export interface PageInput {
  limit: number;
  /** The limit the search was made with: fewer rows than this means Odoo had no more. */
  queryLimit: number;
  /** The gateway's clock when the search was sent (epoch s). */
  nowS: number;
  timing: FeedTiming;
}

export interface PageOutcome {
  /** Indexes of the rows handed out, in order. */
  taken: number[];
  hasMore: boolean;
  cursor: FeedCursor;
}

export { MAX_OPEN_HASHES };

/** Per second: id → content hash, or '' when it was met in a closed second (known by id alone). */
type WorkingSeen = Map<number, Map<number, string>>;

export function decidePage(cursor: FeedCursor, rows: readonly FeedRow[], input: PageInput): PageOutcome {
  const { limit, queryLimit, nowS, timing } = input;
  const seen = workingCopy(cursor.seen);
  let openHashes = countHashes(seen);
  const taken: number[] = [];
  /** The first row not consumed; rows before it are handed out or known. */
  let stop: number | undefined;
  let waitForClose = false;
  for (const [index, row] of rows.entries()) {
    if (row.second < cursor.floor) continue;
    const bucket = seen.get(row.second);
    const known = bucket?.get(row.id);
    if (known !== undefined && (known === '' || known === row.hash)) continue; // this version went out
    // A hash tells a same-second re-edit from a re-read: needed while the second is open, and for a
    // re-edit found by the closing re-read (the second keeps its hashes until that re-read is done).
    const needsHash = isOpenSecond(row.second, nowS, timing) || known !== undefined;
    const isNew = known === undefined;
    if (taken.length === limit || (needsHash && isNew && openHashes >= MAX_OPEN_HASHES)) {
      waitForClose = taken.length < limit;
      stop = index;
      break;
    }
    if (needsHash && isNew) openHashes++;
    taken.push(index);
    const target = bucket ?? new Map<number, string>();
    target.set(row.id, needsHash ? row.hash : '');
    seen.set(row.second, target);
  }
  const complete = stop === undefined && rows.length < queryLimit;
  // Every second before `coveredTo` was read whole in this page: its re-read is done.
  const last = rows[stop ?? rows.length - 1];
  const coveredTo = complete || !last ? Infinity : last.second;
  const readUpTo = Math.max(cursor.readUpTo, complete ? nowS : coveredTo);
  const next: FeedCursor = { ...cursor, readUpTo, seen: new Map() };
  const start = windowStart(next, timing);
  for (const [second, ids] of [...seen].sort(([a], [b]) => a - b)) {
    if (second < start) continue;
    const keepHashes = hasHashes(ids) && (second >= coveredTo || isOpenSecond(second, nowS, timing));
    next.seen.set(second, toBucket(ids, keepHashes));
  }
  // Stopped by the hash budget: nothing more can go out before that second closes, so no hurry.
  return { taken, hasMore: !complete && !waitForClose, cursor: withinRunBudget(next, coveredTo) };
}

/**
 * Keeps the cursor short enough for a URL: while its closed seconds list more than MAX_CLOSED_RUNS
 * runs of ids, the oldest closed second read whole leaves the window (the floor moves past it). A
 * burst of scattered changes thus shortens the overlap window for a while: a late commit into such a
 * second is not seen (docs/changes.md, Guarantees and limits).
 */
function withinRunBudget(cursor: FeedCursor, coveredTo: number): FeedCursor {
  const closed = [...cursor.seen].filter(([, bucket]) => !bucket.hashes).sort(([a], [b]) => a - b);
  let runs = closed.reduce((sum, [, bucket]) => sum + toRuns(bucket.ids).length, 0);
  if (runs <= MAX_CLOSED_RUNS) return cursor;
  const seen = new Map(cursor.seen);
  let floor = cursor.floor;
  for (const [second, bucket] of closed) {
    if (runs <= MAX_CLOSED_RUNS || second >= coveredTo) break;
    seen.delete(second);
    runs -= toRuns(bucket.ids).length;
    floor = second + 1;
  }
  return { ...cursor, floor, readUpTo: Math.max(cursor.readUpTo, floor), seen };
}

function workingCopy(seen: ReadonlyMap<number, SeenBucket>): WorkingSeen {
  const copy: WorkingSeen = new Map();
  for (const [second, bucket] of seen) {
    copy.set(second, new Map(bucket.ids.map((id, k) => [id, bucket.hashes?.[k] ?? ''])));
  }
  return copy;
}

function hasHashes(ids: ReadonlyMap<number, string>): boolean {
  for (const hash of ids.values()) if (hash !== '') return true;
  return false;
}

function countHashes(seen: WorkingSeen): number {
  let count = 0;
  for (const ids of seen.values()) for (const hash of ids.values()) if (hash !== '') count++;
  return count;
}

function toBucket(ids: ReadonlyMap<number, string>, keepHashes: boolean): SeenBucket {
  const sorted = [...ids.keys()].sort((a, b) => a - b);
  if (!keepHashes) return { ids: sorted };
  // '' for the ids met after the second closed: they are known by id alone.
  return { ids: sorted, hashes: sorted.map((id) => ids.get(id) ?? '') };
}
