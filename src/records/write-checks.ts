/**
 * Checks a batch passes between naming its records and writing them: an identifier may not be taken
 * from another record, and an atomic batch must be all or nothing in one Odoo call.
 */
import { EndpointDef } from '../config/types';
import { ConflictError, ValidationError } from '../errors/errors';
import { WriteDeps } from './prepare-writes';
import { findIdsByIdentifier, identifierOf } from './record-lookup';
import { BatchAbortedError } from './write-errors';
import { ReadyItem, groupUpdates } from './write-executor';
import { PlanItem, fail, open } from './write-plan';

/**
 * PUT /{id} whose body gives the record another identifier value: refused (409 CONFLICT, like a POST
 * of an existing value) when another record already has it, else every later lookup would be ambiguous.
 * One `search_read` for all such items.
 */
export async function refuseIdentifierTakeovers(deps: WriteDeps, endpoint: EndpointDef, items: PlanItem[]) {
  const { key } = identifierOf(endpoint);
  if (key === 'id') return;
  const newValueOf = (item: PlanItem) => (item.body as Record<string, unknown>)[key];
  const renames = open(items).filter((item) => {
    const value = newValueOf(item);
    const isValue = typeof value === 'string' || typeof value === 'number';
    return (
      item.mode === 'update' &&
      item.existingId !== undefined &&
      isValue &&
      String(value) !== String(item.target)
    );
  });
  if (renames.length === 0) return;
  const found = await findIdsByIdentifier(
    deps.odoo,
    endpoint,
    renames.map((item) => newValueOf(item) as string | number),
  );
  for (const item of renames) {
    const value = newValueOf(item);
    const holders = found.get(String(value)) ?? [];
    if (holders.some((id) => id !== item.existingId)) {
      const message = `A ${endpoint.name} record with ${key} ${JSON.stringify(value)} already exists`;
      fail(item, new ConflictError(message, { lineId: key }));
    }
  }
}

/** An atomic batch with a failed item saves nothing: the others are reported as not saved. */
export function abortIfAnyFailed(items: readonly PlanItem[]): boolean {
  const failed = items.filter((item) => item.outcome?.ok === false).map((item) => item.index);
  if (failed.length === 0) return false;
  const shown = failed.slice(0, 10).join(', ') + (failed.length > 10 ? ', …' : '');
  const error = new BatchAbortedError(`Not saved: the batch is atomic and item(s) ${shown} failed`);
  for (const item of open(items)) fail(item, error);
  return true;
}

/**
 * Odoo runs each external call in its own transaction, and XML-RPC/JSON-RPC cannot span several calls.
 * So a batch is atomic only when it is one call: creates only (one `create(vals_list)`), or updates
 * that all write the same values (one `write`).
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
