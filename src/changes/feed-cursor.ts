/**
 * The change feed's cursor: everything the feed needs to know between two pages, handed to the
 * caller and back (stateless: the same cursor always asks for the same page, so a retry is safe).
 * JSON → zlib deflateRaw → base64url. Decoding checks every part: a cursor that is damaged, made up
 * or from another endpoint is a 400 INVALID_CURSOR, never a 500 and never a silent restart.
 * How the parts are used: docs/changes.md and feed-query.ts.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { GatewayError } from '../errors/gateway-error';

/** The ids of one second (`write_date` in [s, s+1)) already handed out, while it is in the window. */
export interface SeenBucket {
  /** Ascending, no repeats. */
  ids: number[];
  /**
   * While the second may still receive writes (open): each id's content hash, aligned with `ids`, so
   * that a re-edit within the same second (same write_date) is told apart from a plain re-read.
   * Absent once the second is closed and re-read: then the (second, id) pairs are excluded from the
   * search. '' for an id first met after its second closed.
   */
  hashes?: string[];
}

export interface FeedCursor {
  v: 1;
  endpoint: string;
  /** Epoch seconds: nothing written before it is ever handed out. */
  floor: number;
  /** Epoch seconds: everything committed before it was read (the overlap window ends its look-back here). */
  readUpTo: number;
  /** By epoch second. */
  seen: Map<number, SeenBucket>;
}

export class InvalidCursorError extends GatewayError {
  constructor(message: string) {
    super(400, 'INVALID_CURSOR', message, {
      lineId: 'cursor',
      details: [{ line_id: 'cursor', error: message }],
    });
  }
}

/** Longer than any cursor the feed writes: bounded so that a made-up one costs nothing to refuse. */
export const MAX_CURSOR_CHARS = 60_000;
const MAX_JSON_BYTES = 1_000_000;
/** Up to the year 9999, like Odoo's datetimes. */
const MAX_EPOCH_S = 253_402_300_799;
/** A content hash, or '' for an id met after its second closed. */
const HASH = /^([0-9a-f]{8})?$/;
/** Ids a cursor may list in all its seconds together; far more than a window of real changes holds. */
export const MAX_SEEN_IDS = 200_000;
/**
 * Hashes the cursor may carry: it travels in a URL, and a second's bulk import must not make it tens
 * of kilobytes. Records of open seconds past this wait until their second closes (a few seconds).
 */
export const MAX_OPEN_HASHES = 500;
/**
 * Runs of ids (a lone id, or `[a, b]`) the closed seconds of a cursor may list: about 4.5 bytes each
 * once compressed when ids are scattered (a bulk write on every third product); a hash costs about
 * 10 bytes. So a cursor stays under about 10 KB, below Node's 16 KB header limit. Past it the oldest closed seconds
 * leave the overlap window (feed-page.ts).
 */
export const MAX_CLOSED_RUNS = 800;

/** A run of consecutive ids `[a, b]`, or a lone id. */
type IdRun = number | [number, number];

interface WireBucket {
  s: number;
  ids: IdRun[];
  h?: string[];
}

interface WireCursor {
  v: 1;
  endpoint: string;
  floor: number;
  readUpTo: number;
  seen: WireBucket[];
}

export function encodeCursor(cursor: FeedCursor): string {
  const wire: WireCursor = {
    v: 1,
    endpoint: cursor.endpoint,
    floor: cursor.floor,
    readUpTo: cursor.readUpTo,
    seen: [...cursor.seen.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, bucket]) => ({ s, ids: toRuns(bucket.ids), ...(bucket.hashes ? { h: bucket.hashes } : {}) })),
  };
  return deflateRawSync(Buffer.from(JSON.stringify(wire), 'utf8')).toString('base64url');
}

/** The cursor, checked; `endpoint` is the endpoint of the URL it came to. */
export function decodeCursor(text: string, endpoint: string): FeedCursor {
  const wire = parseWire(text);
  if (wire.endpoint !== endpoint) {
    throw new InvalidCursorError(
      `This cursor belongs to the endpoint "${wire.endpoint.slice(0, 64)}", not to "${endpoint}"`,
    );
  }
  const total = wire.seen.reduce(
    (sum, bucket) =>
      sum +
      bucket.ids.reduce<number>(
        (count, run) => count + (typeof run === 'number' ? 1 : run[1] - run[0] + 1),
        0,
      ),
    0,
  );
  if (total > MAX_SEEN_IDS) throw unreadable();
  // Bounded like the cursors the feed writes (with room to spare), so a made-up cursor cannot make
  // the search Odoo runs for it large: its limit grows with the hashes, its domain with the runs.
  const runs = wire.seen.reduce((sum, bucket) => sum + bucket.ids.length, 0);
  const hashes = wire.seen.reduce((sum, bucket) => sum + (bucket.h?.filter((h) => h !== '').length ?? 0), 0);
  if (runs > 2 * (MAX_CLOSED_RUNS + MAX_OPEN_HASHES) || hashes > 2 * MAX_OPEN_HASHES) throw unreadable();
  const seen = new Map<number, SeenBucket>();
  for (const bucket of wire.seen) {
    if (seen.has(bucket.s)) throw unreadable();
    seen.set(bucket.s, { ids: fromRuns(bucket.ids), ...(bucket.h ? { hashes: bucket.h } : {}) });
    if (bucket.h && bucket.h.length !== seen.get(bucket.s)?.ids.length) throw unreadable();
  }
  return { v: 1, endpoint, floor: wire.floor, readUpTo: wire.readUpTo, seen };
}

function unreadable(): InvalidCursorError {
  return new InvalidCursorError(
    'The cursor is not one this feed handed out (damaged or made up): use the next_cursor of the last ' +
      'answer, or start again without cursor (from now) or with since=',
  );
}

function parseWire(text: string): WireCursor {
  if (text.length === 0 || text.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(text))
    throw unreadable();
  let value: unknown;
  try {
    const json = inflateRawSync(Buffer.from(text, 'base64url'), { maxOutputLength: MAX_JSON_BYTES });
    value = JSON.parse(json.toString('utf8'));
  } catch {
    throw unreadable();
  }
  if (!isWireCursor(value)) throw unreadable();
  return value;
}

function isWireCursor(value: unknown): value is WireCursor {
  if (!isObject(value) || value.v !== 1 || typeof value.endpoint !== 'string') return false;
  if (!isEpoch(value.floor) || !isEpoch(value.readUpTo) || value.readUpTo < value.floor) return false;
  return Array.isArray(value.seen) && value.seen.every(isWireBucket);
}

function isWireBucket(value: unknown): value is WireBucket {
  if (!isObject(value) || !isEpoch(value.s) || !Array.isArray(value.ids) || value.ids.length === 0)
    return false;
  if (!value.ids.every(isRun)) return false;
  return (
    value.h === undefined ||
    (Array.isArray(value.h) && value.h.every((h) => typeof h === 'string' && HASH.test(h)))
  );
}

function isRun(value: unknown): value is IdRun {
  if (isId(value)) return true;
  return (
    Array.isArray(value) && value.length === 2 && isId(value[0]) && isId(value[1]) && value[0] < value[1]
  );
}

function isId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0 && (value as number) <= 2_147_483_647;
}

function isEpoch(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_EPOCH_S;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Ascending ids → runs: a bulk create of 1,000 records is one `[a, b]`. */
export function toRuns(ids: readonly number[]): IdRun[] {
  const runs: IdRun[] = [];
  let k = 0;
  while (k < ids.length) {
    const start = ids[k]!;
    let end = start;
    while (k + 1 < ids.length && ids[k + 1] === end + 1) end = ids[++k]!;
    runs.push(end === start ? start : [start, end]);
    k++;
  }
  return runs;
}

/** Runs → ascending ids without repeats (refused otherwise: the feed never writes them so). */
function fromRuns(runs: readonly IdRun[]): number[] {
  const ids: number[] = [];
  for (const run of runs) {
    const [start, end] = typeof run === 'number' ? [run, run] : run;
    if (ids.length > 0 && start <= ids[ids.length - 1]!) throw unreadable();
    for (let id = start; id <= end; id++) ids.push(id);
  }
  return ids;
}
