/**
 * The change feed of an endpoint: the records created, updated or archived since a cursor, in the
 * endpoint's mapped shape (archived ones as tombstones), oldest first, each version exactly once.
 * Reads through the same read plans and renderer as GET list (one Odoo call per page on Odoo 17+).
 * The cursor logic is pure (feed-query.ts, feed-page.ts); this file reads and assembles.
 */
import { createHash } from 'node:crypto';
import { EndpointDef } from '../config/types';
import { OdooError } from '../errors/errors';
import { fieldsOf } from '../mapping/fields-catalog';
import { canonicalJson } from '../records/canonical-json';
import { ReadDeps, RenderedRecord, searchRendered } from '../records/record-reader';
import { identifierOf } from '../records/record-lookup';
import { FeedCursor, decodeCursor, encodeCursor } from './feed-cursor';
import { FeedRow, decidePage } from './feed-page';
import { DEFAULT_FEED_TIMING, FeedTiming, epochSecondOf, pageQuery } from './feed-query';

export interface Change {
  event: 'create' | 'update' | 'archive';
  odooId: number;
  /** The record's write_date, ISO 8601 UTC (to the second, as Odoo answers it). */
  changedAt: string;
  /** Stable for one version of one record: a hash of endpoint, Odoo id, write_date and content. */
  eventId: string;
  /** The record as GET returns it, or for `archive` a tombstone `{<identifier key>: value, deleted: true}`. */
  record: Record<string, unknown>;
}

export interface ChangePage {
  changes: Change[];
  /** Where the next page starts: hand it back as `cursor`. */
  nextCursor: string;
  /** True: more changes are waiting, ask again right away; false: caught up, ask again later. */
  hasMore: boolean;
}

export interface ChangeReadOptions {
  limit: number;
  /** Without a cursor: start here instead of now. */
  since?: Date;
  /** The gateway's clock (tests); default Date.now. */
  now?: () => number;
}

/** The fields every page reads besides the mapped ones. */
const FEED_FIELDS = ['write_date', 'create_date'] as const;

/** A cursor for a feed starting now, or at `since` (no Odoo call: nothing can have changed yet). */
export function startCursor(endpoint: EndpointDef, since?: Date, now: () => number = Date.now): string {
  return encodeCursor(startState(endpoint, since, now));
}

function startState(endpoint: EndpointDef, since: Date | undefined, now: () => number): FeedCursor {
  // "From now" starts clock_skew_s early: Odoo's clock may be behind ours, and a change made right
  // after this call must not carry a write_date before the floor.
  const floor = since
    ? Math.max(0, Math.floor(since.getTime() / 1000))
    : Math.floor(now() / 1000) - timingOf(endpoint).clockSkewS;
  return { v: 1, endpoint: endpoint.name, floor, readUpTo: floor, seen: new Map() };
}

/**
 * One page. Without a cursor it starts from `since` (reading the first page) or from now (an empty
 * page: nothing changed yet, only the cursor to come back with).
 */
export async function readChanges(
  deps: ReadDeps,
  endpoint: EndpointDef,
  cursor: string | undefined,
  options: ChangeReadOptions,
): Promise<ChangePage> {
  const now = options.now ?? Date.now;
  if (cursor === undefined && options.since === undefined) {
    return { changes: [], nextCursor: startCursor(endpoint, undefined, now), hasMore: false };
  }
  const state =
    cursor === undefined ? startState(endpoint, options.since, now) : decodeCursor(cursor, endpoint.name);
  const timing = timingOf(endpoint);
  const catalog = await deps.fields.catalogFor(endpoint, deps.lookup);
  const hasActive = 'active' in fieldsOf(catalog, endpoint.model);
  const nowS = Math.floor(now() / 1000);
  const query = pageQuery(state, [...endpoint.domain, ...bothActive(hasActive)], options.limit, nowS, timing);
  const extra = hasActive ? [...FEED_FIELDS, 'active'] : [...FEED_FIELDS];
  const rendered = await searchRendered(deps, endpoint, query, extra);
  const versions = rendered.map((record) => versionOf(endpoint, record));
  const page = decidePage(state, versions, { limit: options.limit, queryLimit: query.limit, nowS, timing });
  return {
    changes: page.taken.map((index) => changeOf(endpoint, versions[index]!)),
    nextCursor: encodeCursor(page.cursor),
    hasMore: page.hasMore,
  };
}

export function timingOf(endpoint: EndpointDef): FeedTiming {
  return endpoint.changes ?? DEFAULT_FEED_TIMING;
}

/**
 * Archived records too, without changing the context: a domain that names `active` turns Odoo's
 * implicit `active = True` off for the searched model only, so x2many values (a customer's contacts)
 * render exactly as GET renders them. An endpoint domain that names `active` itself wins.
 */
function bothActive(hasActive: boolean): unknown[] {
  return hasActive ? [['active', 'in', [true, false]]] : [];
}

interface Version extends FeedRow {
  event: Change['event'];
  writeDate: string;
  record: Record<string, unknown>;
}

function versionOf(endpoint: EndpointDef, { odoo, data }: RenderedRecord): Version {
  const id = odoo.id;
  const second = epochSecondOf(odoo.write_date);
  // Every Odoo model has write_date; a record without one is not an answer the feed can place.
  if (typeof id !== 'number' || second === undefined) {
    throw new OdooError('Odoo answered a record without id or write_date to the change feed');
  }
  const archived = odoo.active === false;
  const record = archived ? tombstone(endpoint, id, data) : data;
  const event = archived ? 'archive' : odoo.create_date === odoo.write_date ? 'create' : 'update';
  const hash = sha256(canonicalJson(record)).slice(0, 8);
  return { id, second, hash, event, writeDate: String(odoo.write_date).slice(0, 19), record };
}

function tombstone(
  endpoint: EndpointDef,
  id: number,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const { key } = identifierOf(endpoint);
  return { [key]: key === 'id' ? id : (data[key] ?? null), deleted: true };
}

function changeOf(endpoint: EndpointDef, version: Version): Change {
  return {
    event: version.event,
    odooId: version.id,
    changedAt: `${version.writeDate.replace(' ', 'T')}Z`,
    eventId: sha256(`${endpoint.name}\n${version.id}\n${version.writeDate}\n${version.hash}`).slice(0, 32),
    record: version.record,
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
