/**
 * Checks a batch passes between naming its records and writing them: an identifier may not be taken
 * from another record, and an atomic batch must be all or nothing in one Odoo call.
 */
import { EndpointDef } from '../config/types';
import { ConflictError, ValidationError } from '../errors/errors';
import { ModelFields } from '../mapping/odoo-field-meta';
import { OdooClient } from '../odoo/odoo-client';
import { findIdsByIdentifier, identifierOf } from './record-lookup';
import { BatchAbortedError } from './write-errors';
import { groupUpdates } from './write-executor';
import { OpenItem, ReadyItem, WriteItem, failed, mapOpen, openItems } from './write-item';

/**
 * PUT /{id} whose body gives the record another identifier value: refused (409 CONFLICT, like a POST
 * of an existing value) when another record already has it, else every later lookup would be ambiguous.
 * One `search_read` for all such items.
 */
export async function refuseIdentifierTakeovers(
  odoo: OdooClient,
  endpoint: EndpointDef,
  items: readonly WriteItem[],
  fields: ModelFields,
): Promise<WriteItem[]> {
  const { key } = identifierOf(endpoint);
  if (key === 'id') return [...items];
  const newValueOf = (item: OpenItem) => item.body[key];
  const isRename = (item: OpenItem) => {
    const value = newValueOf(item);
    const isValue = typeof value === 'string' || typeof value === 'number';
    return (
      item.mode === 'update' &&
      item.existingId !== undefined &&
      isValue &&
      String(value) !== String(item.target)
    );
  };
  const renames = openItems(items).filter(isRename);
  if (renames.length === 0) return [...items];
  const found = await findIdsByIdentifier(
    odoo,
    endpoint,
    renames.map((item) => newValueOf(item) as string | number),
    fields,
  );
  return mapOpen(items, (item) => {
    if (!isRename(item)) return item;
    const value = newValueOf(item);
    const holders = found.ids.get(String(value)) ?? [];
    if (!holders.some((id) => id !== item.existingId)) return item;
    const message = `A ${endpoint.name} record with ${key} ${JSON.stringify(value)} already exists`;
    return failed(item, new ConflictError(message, { lineId: key }));
  });
}

/** An atomic batch with a failed item saves nothing: when one failed, the open ones fail as not saved. */
export function abortedIfAnyFailed(items: readonly WriteItem[]): WriteItem[] {
  const failedIndexes = items.filter((item) => item.settled?.ok === false).map((item) => item.index);
  if (failedIndexes.length === 0) return [...items];
  const shown = failedIndexes.slice(0, 10).join(', ') + (failedIndexes.length > 10 ? ', …' : '');
  const error = new BatchAbortedError(`Not saved: the batch is atomic and item(s) ${shown} failed`);
  return mapOpen(items, (item) => failed(item, error));
}

/**
 * Odoo runs each external call in its own transaction, and XML-RPC/JSON-RPC cannot span several calls.
 * So a batch is atomic only when it is one call: creates only (one `create(vals_list)`), or updates
 * that all write the same values (one `write`). Throws the 400 that refuses the whole batch.
 */
export function checkAtomic(items: readonly ReadyItem[]): void {
  const creates = items.filter((item) => item.mode === 'create').length;
  const writes = groupUpdates(items).length;
  if (creates === 0 ? writes <= 1 : writes === 0) return;
  const needs =
    creates > 0
      ? `${creates} create(s) and ${writes} write call(s)`
      : `${writes} write calls (the records receive different values)`;
  throw new ValidationError(
    `atomic=true cannot be honoured: this batch needs ${needs}, and Odoo commits each call on its own ` +
      '(its external API has no transaction spanning calls). Send creates and updates as separate ' +
      'batches, or drop atomic=true to have each item saved or reported on its own.',
  );
}
