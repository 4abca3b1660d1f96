/**
 * Sends the planned writes with as few Odoo calls as possible: every create of the request in one
 * `create(vals_list)`, and one `write(ids, vals)` per set of records receiving identical values. A
 * refused call is split until the items at fault are isolated (split-sender.ts), unless the batch is
 * atomic; after a call that failed for another reason, nothing more is sent.
 */
import { EndpointDef } from '../config/types';
import { WriteMode } from '../mapping/input-schema';
import { OdooClient } from '../odoo/odoo-client';
import { canonicalJson } from './canonical-json';
import { SendResult, SplitSender } from './split-sender';
import { OpenItem, ReadyItem, WriteItem, failed, succeeded, withReplacements } from './write-item';
import { notSentError, outcomeUnknown, withLineId } from './write-errors';

export interface UpdateGroup {
  ids: number[];
  vals: Record<string, unknown>;
  items: ReadyItem[];
}

/** Updates that write the same values share one call; an update with nothing to write needs none. */
export function groupUpdates(items: readonly ReadyItem[]): UpdateGroup[] {
  const groups = new Map<string, UpdateGroup>();
  for (const item of items) {
    if (item.mode !== 'update' || Object.keys(item.vals).length === 0) continue;
    const key = canonicalJson(item.vals);
    const group = groups.get(key) ?? { ids: [], vals: item.vals, items: [] };
    group.ids.push(item.existingId as number);
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function isReady(item: OpenItem): item is ReadyItem {
  return item.mode !== undefined && item.vals !== undefined;
}

/** Writes the ready items; returns every item of `items`, the written ones settled. */
export async function executeWrites(
  odoo: OdooClient,
  endpoint: EndpointDef,
  items: readonly WriteItem[],
  ready: readonly ReadyItem[],
  atomic: boolean,
): Promise<WriteItem[]> {
  const sender = new SplitSender(!atomic, (error) => withLineId(endpoint, error));
  const context = { context: { ...endpoint.context } };
  const settled: WriteItem[] = [];
  const creates = ready.filter((item) => item.mode === 'create');
  if (creates.length > 0) {
    const results = await sender.send(creates, (part) =>
      odoo.executeKw<number[]>(endpoint.model, 'create', [part.map((item) => item.vals)], context),
    );
    settled.push(...creates.map((item, position) => settle(item, results[position], 'create')));
  }
  for (const item of ready) {
    if (item.mode === 'update' && Object.keys(item.vals).length === 0)
      settled.push(succeeded(item, item.existingId as number, false));
  }
  for (const group of groupUpdates(ready)) {
    const results = await sender.send(group.items, async (part) => {
      const ids = part.map((item) => item.existingId as number);
      await odoo.executeKw<boolean>(endpoint.model, 'write', [ids, group.vals], context);
      return ids;
    });
    settled.push(...group.items.map((item, position) => settle(item, results[position], 'update')));
  }
  return withReplacements(items, settled);
}

function settle(item: ReadyItem, result: SendResult<number> | undefined, mode: WriteMode): WriteItem {
  if (!result) return item;
  if (result.ok) return succeeded(item, result.value, mode === 'create');
  if (result.why === 'not-sent') return failed(item, notSentError(result.error));
  if (result.why === 'failed')
    return failed(item, result.error, outcomeUnknown(result.error) ? mode : undefined);
  return failed(item, result.error);
}
