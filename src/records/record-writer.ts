/**
 * POST / PUT / DELETE of one record. Validation and relation resolution happen before any write
 * (prepare-writes.ts); the write itself is one Odoo call.
 */
import { EndpointDef } from '../config/types';
import { ConflictError, ValidationError } from '../errors/errors';
import { modelsOf } from '../mapping/fields-catalog';
import { WriteMode } from '../mapping/input-schema';
import { findIdsByIdentifier, findOneRecord, identifierOf, parseIdentifierValue } from './record-lookup';
import { PreparedWrite, WriteDeps, prepareWrites } from './prepare-writes';

export interface WriteOutcome {
  status: 200 | 201;
  message: 'Record created' | 'Record updated' | 'Record deleted' | 'Record archived';
  id: number;
}

async function prepareOne(deps: WriteDeps, endpoint: EndpointDef, body: unknown, mode: WriteMode) {
  const [item] = await prepareWrites(deps, endpoint, [body], mode);
  if (!item || item.errors.length > 0) throw ValidationError.fromDetails(item?.errors ?? []);
  return item;
}

/** POST: create, or with `upsert: true` update the record whose identifier value already exists. */
export async function createRecord(deps: WriteDeps, endpoint: EndpointDef, body: unknown): Promise<WriteOutcome> {
  const item = await prepareOne(deps, endpoint, body, 'create');
  const { key } = identifierOf(endpoint);
  const value = endpoint.identifier ? item.body[key] : undefined;
  if (typeof value === 'string' || typeof value === 'number') {
    const existing = (await findIdsByIdentifier(deps.odoo, endpoint, [value])).get(String(value)) ?? [];
    if (existing.length > 0) {
      if (!endpoint.upsert || existing.length > 1) {
        throw new ConflictError(`A ${endpoint.name} record with ${key} ${JSON.stringify(value)} already exists`, {
          lineId: key,
        });
      }
      const updateItem = await prepareOne(deps, endpoint, body, 'update');
      return writeExisting(deps, endpoint, existing[0] as number, updateItem);
    }
  }
  return createPrepared(deps, endpoint, item);
}

async function createPrepared(deps: WriteDeps, endpoint: EndpointDef, item: PreparedWrite): Promise<WriteOutcome> {
  const id = await deps.odoo.executeKw<number>(endpoint.model, 'create', [item.vals], {
    context: { ...endpoint.context },
  });
  return { status: 201, message: 'Record created', id };
}

async function writeExisting(deps: WriteDeps, endpoint: EndpointDef, id: number, item: PreparedWrite) {
  if (Object.keys(item.vals).length > 0) {
    await deps.odoo.executeKw<boolean>(endpoint.model, 'write', [[id], item.vals], {
      context: { ...endpoint.context },
    });
  }
  return { status: 200, message: 'Record updated', id } satisfies WriteOutcome;
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
): Promise<WriteOutcome> {
  const fields = await deps.fields.catalog(modelsOf(endpoint, deps.lookup));
  const { key } = identifierOf(endpoint);
  const bodyValue = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  if (rawId === undefined && bodyValue === undefined) {
    throw new ValidationError(`${key}: is required to name the record to update`, {
      lineId: key,
      details: [{ line_id: key, error: 'is required to name the record to update' }],
    });
  }
  const value = parseIdentifierValue(endpoint, rawId ?? bodyValue, fields.get(endpoint.model) ?? {});
  const updateBody = key === 'id' && typeof body === 'object' && body !== null ? withoutKey(body, 'id') : body;
  const item = await prepareOne(deps, endpoint, updateBody, 'update');
  try {
    const record = await findOneRecord(deps.odoo, endpoint, value, ['id']);
    return await writeExisting(deps, endpoint, record.id as number, item);
  } catch (error) {
    if (!(endpoint.upsert && key !== 'id' && isNotFound(error))) throw error;
    const createBody = { ...(updateBody as Record<string, unknown>), [key]: value };
    return createPrepared(deps, endpoint, await prepareOne(deps, endpoint, createBody, 'create'));
  }
}

/** DELETE: unlink, or archive (`active = false`) when the endpoint says `delete: archive`. */
export async function deleteRecord(deps: WriteDeps, endpoint: EndpointDef, rawId: unknown): Promise<WriteOutcome> {
  const fields = await deps.fields.get(endpoint.model);
  const value = parseIdentifierValue(endpoint, rawId, fields);
  const record = await findOneRecord(deps.odoo, endpoint, value, ['id']);
  const id = record.id as number;
  const context = { ...endpoint.context };
  if (endpoint.delete === 'archive') {
    await deps.odoo.executeKw<boolean>(endpoint.model, 'write', [[id], { active: false }], { context });
    return { status: 200, message: 'Record archived', id };
  }
  await deps.odoo.executeKw<boolean>(endpoint.model, 'unlink', [[id]], { context });
  return { status: 200, message: 'Record deleted', id };
}

function withoutKey(body: object, key: string): Record<string, unknown> {
  const copy = { ...(body as Record<string, unknown>) };
  delete copy[key];
  return copy;
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: number }).status === 404;
}
