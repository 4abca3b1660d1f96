/**
 * Handlers of `/bj_api_sync/v1/{endpoint}[/{id}]`, after the endpoint was found, the caller
 * authenticated, the method checked and the body parsed. Thin: the records layer does the work.
 * Reads and DELETE answer themselves; POST/PUT return their reply as a value (write-reply.ts), for
 * the idempotency layer to store and the router to send. Express 5 forwards rejected promises to
 * the error handler.
 */
import type { Request, Response } from 'express';
import { EndpointDef } from '../config/types';
import { ValidationError } from '../errors/errors';
import {
  getRecord,
  getRecordById,
  listRecords,
  ReadDeps,
  renderSavedRecord,
  representationReadBack,
} from '../records/record-reader';
import {
  SingleWriteOptions,
  createRecord,
  deleteRecord,
  savedOutcome,
  updateRecord,
} from '../records/record-writer';
import { ItemOutcome, ItemSuccess } from '../records/write-outcome';
import { WriteReply, WriteRequest } from './write-reply';
import { WriteDeps } from '../records/prepare-writes';
import { identifierOf } from '../records/record-lookup';
import { parseListQueryParams, parseRecordQueryParams } from './list-query-params';
import { recordKeys } from '../mapping/list-query';

export type RecordDeps = ReadDeps & WriteDeps;

export interface HandlerInput {
  deps: RecordDeps;
  endpoint: EndpointDef;
  req: Request;
  res: Response;
}

export async function handleList({ deps, endpoint, req, res }: HandlerInput): Promise<void> {
  const result = await listRecords(deps, endpoint, parseListQueryParams(req.query));
  res.json({ success: true, ...result });
}

export async function handleGetOne({ deps, endpoint, req, res }: HandlerInput): Promise<void> {
  const fields = parseRecordQueryParams(req.query);
  const keys = fields ? recordKeys(endpoint, fields) : undefined;
  res.json({ success: true, data: await getRecord(deps, endpoint, req.params.id, keys) });
}

/** POST of one record. */
export async function handleCreate(input: WriteRequest): Promise<WriteReply> {
  const { deps, endpoint, req } = input;
  return replyToWrite(input, await createRecord(deps, endpoint, req.body, await writeOptions(input)));
}

/** PUT of one record. */
export async function handleUpdate(input: WriteRequest): Promise<WriteReply> {
  const { deps, endpoint, req } = input;
  const options = await writeOptions(input);
  return replyToWrite(input, await updateRecord(deps, endpoint, req.params.id, req.body, options));
}

/** On the web plan a write asking for its representation reads it back in the same call (web_save). */
async function writeOptions({ deps, endpoint, req, resume }: WriteRequest): Promise<SingleWriteOptions> {
  const readBack = wantsRepresentation(req) ? await representationReadBack(deps, endpoint) : undefined;
  return { resume, readBack };
}

export async function handleDelete({ deps, endpoint, req, res }: HandlerInput): Promise<void> {
  const { key } = identifierOf(endpoint);
  const rawId = req.params.id ?? req.query[key];
  if (rawId === undefined) {
    // Never "delete all": a DELETE without an identifier names nothing.
    throw new ValidationError(`${key}: is required (in the path or as ?${key}=...)`, {
      lineId: key,
      details: [{ line_id: key, error: 'is required' }],
    });
  }
  if (Array.isArray(rawId)) {
    throw new ValidationError(`${key}: give exactly one value`, {
      lineId: key,
      details: [{ line_id: key, error: 'give exactly one value' }],
    });
  }
  const outcome = await deleteRecord(deps, endpoint, rawId);
  res.status(outcome.status).json({ success: true, message: outcome.message, id: outcome.id });
}

/** The item's outcome travels with the reply, also when reading the representation fails after the write. */
async function replyToWrite(input: WriteRequest, outcome: ItemOutcome): Promise<WriteReply> {
  const outcomes = [outcome];
  if (!outcome.ok) return { error: outcome.error, outcomes };
  const saved = savedOutcome(outcome);
  const body: Record<string, unknown> = { success: true, message: saved.message, id: saved.id };
  try {
    if (wantsRepresentation(input.req)) body.data = await representationOf(input, outcome);
  } catch (error) {
    return { error, outcomes };
  }
  return { response: { status: saved.status, body }, outcomes };
}

/** What web_save read back; else (classic plan, nothing to write, a resumed write) one more read. */
function representationOf({ deps, endpoint }: WriteRequest, outcome: ItemSuccess) {
  if (outcome.readBack) return renderSavedRecord(deps, endpoint, { ...outcome.readBack });
  return getRecordById(deps, endpoint, outcome.id);
}

export function wantsRepresentation(req: Request): boolean {
  return /(^|[\s,;])return=representation\b/i.test(req.get('prefer') ?? '');
}
