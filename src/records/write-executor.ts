/**
 * Sends the planned writes with as few Odoo calls as possible: every create of the request in one
 * `create(vals_list)`, and one `write(ids, vals)` per set of records receiving identical values. A
 * refused call is split until the items at fault are isolated (split-sender.ts), unless the batch is
 * atomic; after a call that failed for another reason, nothing more is sent. A lone item that asks
 * for its record back (`readBack`, web plan) is one `web_save` instead: the write and the read in one
 * call, a write like any other (never retried, its outcome unknown when no answer came).
 */
import { EndpointDef } from '../config/types';
import { WriteMode } from '../mapping/input-schema';
import { OdooClient } from '../odoo/odoo-client';
import { OdooModel, OdooSpecification, odooModel } from '../odoo/odoo-model';
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

export interface ExecuteOptions {
  atomic: boolean;
  /** For a lone item: write it with `web_save`, reading it back per this specification. */
  readBack?: OdooSpecification;
}

/** Writes the ready items; returns every item of `items`, the written ones settled. */
export async function executeWrites(
  odoo: OdooClient,
  endpoint: EndpointDef,
  items: readonly WriteItem[],
  ready: readonly ReadyItem[],
  { atomic, readBack }: ExecuteOptions,
): Promise<WriteItem[]> {
  const sender = new SplitSender(!atomic, (error) => withLineId(endpoint, error));
  const model = odooModel(odoo, endpoint.model, endpoint.context);
  const [lone, another] = ready;
  if (readBack && lone && !another && hasValuesToSend(lone)) {
    return withReplacements(items, [await saveAndReadBack(sender, model, lone, readBack)]);
  }
  const settled: WriteItem[] = [];
  const creates = ready.filter((item) => item.mode === 'create');
  if (creates.length > 0) {
    const results = await sender.send(creates, (part) => model.create(part.map((item) => item.vals)));
    settled.push(...creates.map((item, position) => settle(item, results[position], 'create')));
  }
  for (const item of ready) {
    if (item.mode === 'update' && Object.keys(item.vals).length === 0)
      settled.push(succeeded(item, item.existingId as number, false));
  }
  for (const group of groupUpdates(ready)) {
    const results = await sender.send(group.items, async (part) => {
      const ids = part.map((item) => item.existingId as number);
      await model.write(ids, group.vals);
      return ids;
    });
    settled.push(...group.items.map((item, position) => settle(item, results[position], 'update')));
  }
  return withReplacements(items, settled);
}

function hasValuesToSend(item: ReadyItem): boolean {
  return item.mode === 'create' || Object.keys(item.vals).length > 0;
}

/** One `web_save`: creates (no id) or writes the record, and answers it read per `specification`. */
async function saveAndReadBack(
  sender: SplitSender,
  model: OdooModel,
  item: ReadyItem,
  specification: OdooSpecification,
): Promise<WriteItem> {
  const ids = item.mode === 'update' ? [item.existingId as number] : [];
  const [result] = await sender.send([item], () => model.webSave(ids, item.vals, specification));
  if (!result?.ok) return settle(item, result, item.mode);
  const record = result.value;
  return succeeded(item, record.id as number, item.mode === 'create', record);
}

function settle(item: ReadyItem, result: SendResult<number> | undefined, mode: WriteMode): WriteItem {
  if (!result) return item;
  if (result.ok) return succeeded(item, result.value, mode === 'create');
  if (result.why === 'not-sent') return failed(item, notSentError(result.error));
  if (result.why === 'failed')
    return failed(item, result.error, outcomeUnknown(result.error) ? mode : undefined);
  return failed(item, result.error);
}
