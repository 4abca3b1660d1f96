/**
 * POST / PUT / DELETE of one record. Creates and updates are a batch of one (batch-writer.ts), so that
 * upsert, conflicts and Idempotency-Key retries behave the same for one record as for many; their
 * outcome is returned as a value, failed or not, for the handler to answer with.
 */
import { EndpointDef } from '../config/types';
import { InternalError } from '../errors/errors';
import { odooModel } from '../odoo/odoo-model';
import { WriteOptions, writeItems } from './batch-writer';
import { WriteDeps } from './prepare-writes';
import { findOneRecord, parseIdentifierValue } from './record-lookup';
import { ItemOutcome, ItemSuccess } from './write-outcome';

/** A one-record write: what an earlier attempt left (Idempotency-Key), and the read-back (web plan). */
export type SingleWriteOptions = Pick<WriteOptions, 'resume' | 'readBack'>;

export interface WriteOutcome {
  status: 200 | 201;
  message: 'Record created' | 'Record updated' | 'Record deleted' | 'Record archived';
  id: number;
}

/** POST: create; an existing identifier value is a 409, or with `upsert: true` an update. */
export async function createRecord(
  deps: WriteDeps,
  endpoint: EndpointDef,
  body: unknown,
  options: SingleWriteOptions = {},
): Promise<ItemOutcome> {
  return single(await writeItems(deps, endpoint, [{ body }], { ...options, method: 'POST', atomic: false }));
}

/**
 * PUT: partial update of the record named by `{id}` (rawId) or by the identifier key in the body.
 * With `upsert: true` an unknown identifier creates the record (201).
 */
export async function updateRecord(
  deps: WriteDeps,
  endpoint: EndpointDef,
  rawId: unknown,
  body: unknown,
  options: SingleWriteOptions = {},
): Promise<ItemOutcome> {
  const inputs = [{ body, target: rawId }];
  return single(await writeItems(deps, endpoint, inputs, { ...options, method: 'PUT', atomic: false }));
}

function single(outcomes: readonly ItemOutcome[]): ItemOutcome {
  const [outcome] = outcomes;
  if (!outcome) throw new InternalError('A write produced no outcome');
  return outcome;
}

/** The answer to a successful create or update of one record. */
export function savedOutcome(outcome: ItemSuccess): WriteOutcome {
  return outcome.created
    ? { status: 201, message: 'Record created', id: outcome.id }
    : { status: 200, message: 'Record updated', id: outcome.id };
}

/** DELETE: unlink, or archive (`active = false`) when the endpoint says `delete: archive`. */
export async function deleteRecord(
  deps: WriteDeps,
  endpoint: EndpointDef,
  rawId: unknown,
): Promise<WriteOutcome> {
  const fields = await deps.fields.get(endpoint.model);
  const value = parseIdentifierValue(endpoint, rawId, fields);
  const record = await findOneRecord(deps.odoo, endpoint, value, ['id']);
  const id = record.id as number;
  const model = odooModel(deps.odoo, endpoint.model, endpoint.context);
  if (endpoint.delete === 'archive') {
    await model.write([id], { active: false });
    return { status: 200, message: 'Record archived', id };
  }
  await model.unlink([id]);
  return { status: 200, message: 'Record deleted', id };
}
