/**
 * An item of a write as it moves through the stages (name → validate → prepare → execute): either
 * still open, carrying what the stages learned so far, or settled with its outcome. Stages never
 * change an item: they return new items, and a settled item passes through every later stage as is.
 */
import { InternalError } from '../errors/errors';
import { GatewayError } from '../errors/gateway-error';
import { WriteMode } from '../mapping/input-schema';
import { ItemOutcome } from './write-outcome';

export interface OpenItem {
  readonly index: number;
  readonly settled?: undefined;
  /** What is validated and mapped (for PUT by Odoo id: the body without `id`). */
  readonly body: Record<string, unknown>;
  /** The identifier value naming the record, typed by its Odoo field. */
  readonly target?: string | number;
  /** Create or update: known up front without upsert, else once the record was looked up. */
  readonly mode?: WriteMode;
  readonly existingId?: number;
  /** The existing record is archived and this write brings it back (`active = true`; upsert endpoints). */
  readonly reactivate?: boolean;
  /** `compute_in` results, from validation. */
  readonly computed?: ReadonlyMap<string, unknown>;
  /** The Odoo values to write, from preparation. */
  readonly vals?: Record<string, unknown>;
}

export interface SettledItem {
  readonly index: number;
  readonly settled: ItemOutcome;
}

export type WriteItem = OpenItem | SettledItem;

/** An open item with everything the executor needs. */
export type ReadyItem = OpenItem & { mode: WriteMode; vals: Record<string, unknown> };

export function isOpen(item: WriteItem): item is OpenItem {
  return item.settled === undefined;
}

export function openItems(items: readonly WriteItem[]): OpenItem[] {
  return items.filter(isOpen);
}

export function failed(item: { index: number }, error: GatewayError, unknown?: WriteMode): SettledItem {
  return {
    index: item.index,
    settled: { index: item.index, ok: false, error, ...(unknown ? { unknown } : {}) },
  };
}

export function succeeded(
  item: { index: number },
  id: number,
  created: boolean,
  readBack?: Readonly<Record<string, unknown>>,
): SettledItem {
  return {
    index: item.index,
    settled: { index: item.index, ok: true, id, created, ...(readBack ? { readBack } : {}) },
  };
}

/** Each open item through `step`; settled items as they are. */
export function mapOpen(items: readonly WriteItem[], step: (item: OpenItem) => WriteItem): WriteItem[] {
  return items.map((item) => (isOpen(item) ? step(item) : item));
}

/** `items` with the ones `replacements` has a new version of (by index) replaced. */
export function withReplacements(
  items: readonly WriteItem[],
  replacements: readonly WriteItem[],
): WriteItem[] {
  const byIndex = new Map(replacements.map((item) => [item.index, item]));
  return items.map((item) => byIndex.get(item.index) ?? item);
}

export function outcomesOf(items: readonly WriteItem[]): ItemOutcome[] {
  return items.map((item) => {
    if (!item.settled) throw new InternalError(`Write item ${item.index} was never settled`);
    return item.settled;
  });
}
