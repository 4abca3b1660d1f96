/**
 * Handlers of `/bj_api_sync/v1/{endpoint}[/{id}]`, after the endpoint was found, the caller
 * authenticated, the method checked and the body parsed. Thin: the records layer does the work.
 * Express 5 forwards rejected promises to the error handler, so there is no try/catch here.
 */
import type { Request, Response } from 'express';
import { EndpointDef } from '../config/types';
import { ValidationError } from '../errors/errors';
import { getRecord, getRecordById, listRecords, ReadDeps } from '../records/record-reader';
import { createRecord, deleteRecord, updateRecord, WriteOutcome } from '../records/record-writer';
import { WriteDeps } from '../records/prepare-writes';
import { identifierOf } from '../records/record-lookup';
import { parseListQueryParams } from './list-query-params';

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
  res.json({ success: true, data: await getRecord(deps, endpoint, req.params.id) });
}

export async function handleCreate({ deps, endpoint, req, res }: HandlerInput): Promise<void> {
  await sendOutcome(deps, endpoint, req, res, await createRecord(deps, endpoint, req.body));
}

export async function handleUpdate({ deps, endpoint, req, res }: HandlerInput): Promise<void> {
  await sendOutcome(deps, endpoint, req, res, await updateRecord(deps, endpoint, req.params.id, req.body));
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

async function sendOutcome(
  deps: RecordDeps,
  endpoint: EndpointDef,
  req: Request,
  res: Response,
  outcome: WriteOutcome,
): Promise<void> {
  const body: Record<string, unknown> = { success: true, message: outcome.message, id: outcome.id };
  if (wantsRepresentation(req)) body.data = await getRecordById(deps, endpoint, outcome.id);
  res.status(outcome.status).json(body);
}

export function wantsRepresentation(req: Request): boolean {
  return /(^|[\s,;])return=representation\b/i.test(req.get('prefer') ?? '');
}
