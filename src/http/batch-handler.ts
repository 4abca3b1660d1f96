/**
 * POST/PUT of a JSON array: a batch. Each item is saved or reported on its own (status 200, results
 * in input order, see api.md); `?atomic=true` makes it all-or-nothing where Odoo allows it.
 */
import { EndpointDef } from '../config/types';
import { InvalidQueryError, PayloadTooLargeError, ValidationError } from '../errors/errors';
import { errorBody } from '../errors/to-http';
import { WriteMethod, writeItems } from '../records/batch-writer';
import { ItemOutcome } from '../records/write-outcome';
import { WriteReply, WriteRequest } from './write-reply';

export interface BatchItemResult {
  index: number;
  success: boolean;
  id?: number;
  message?: 'Record created' | 'Record updated';
  error?: string;
  status_code?: string;
  line_id?: string | null;
  details?: { line_id: string | null; error: string }[];
}

export interface BatchResponseBody {
  success: boolean;
  created: number;
  updated: number;
  failed: number;
  results: BatchItemResult[];
}

export type BatchHandler = (input: WriteRequest, method: WriteMethod) => Promise<WriteReply>;

export function createBatchHandler(): BatchHandler {
  return async ({ deps, endpoint, req, resume }, method) => {
    const bodies = req.body as unknown[];
    checkSize(endpoint, bodies.length);
    const atomic = atomicFlag(req.query.atomic);
    const inputs = bodies.map((body) => ({ body }));
    const outcomes = await writeItems(deps, endpoint, inputs, { method, atomic, resume });
    return { response: { status: 200, body: batchResponse(outcomes) }, outcomes };
  };
}

function checkSize(endpoint: EndpointDef, size: number): void {
  if (size === 0) throw new ValidationError('A batch must hold at least one item');
  if (size > endpoint.maxBatch) {
    throw new PayloadTooLargeError(
      `A batch holds at most ${endpoint.maxBatch} items on this endpoint (max_batch); this one holds ${size}`,
    );
  }
}

function atomicFlag(raw: unknown): boolean {
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1' || raw === '') return true;
  throw new InvalidQueryError('atomic: must be true or false', { lineId: 'atomic' });
}

export function batchResponse(outcomes: readonly ItemOutcome[]): BatchResponseBody {
  const results = outcomes.map(itemResult);
  const created = outcomes.filter((outcome) => outcome.ok && outcome.created).length;
  const failed = outcomes.filter((outcome) => !outcome.ok).length;
  return { success: failed === 0, created, updated: outcomes.length - created - failed, failed, results };
}

function itemResult(outcome: ItemOutcome): BatchItemResult {
  if (outcome.ok) {
    const message = outcome.created ? 'Record created' : 'Record updated';
    return { index: outcome.index, success: true, id: outcome.id, message };
  }
  const { error, status_code, line_id, details } = errorBody(outcome.error, null);
  return {
    index: outcome.index,
    success: false,
    error,
    status_code,
    line_id,
    ...(details ? { details } : {}),
  };
}
