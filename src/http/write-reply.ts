/**
 * What a POST/PUT handler returns instead of writing to the response: the JSON response to send, or
 * the error the error handler answers, with the item outcomes of the write (Odoo ids, failures,
 * writes whose outcome is unknown). The idempotency layer stores and replays this value; the router
 * sends it.
 */
import type { Request, Response } from 'express';
import { InternalError } from '../errors/errors';
import { errorBody, toGatewayError } from '../errors/to-http';
import { ItemOutcome, ResumeState } from '../records/write-outcome';
import type { HandlerInput } from './endpoint-handlers';
import { ensureRequestContext } from '../context/request-context';

export interface JsonResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type WriteReply =
  | { response: JsonResponse; outcomes?: readonly ItemOutcome[] }
  | { error: unknown; outcomes?: readonly ItemOutcome[] };

/** A POST/PUT handler's input: the request, and what an interrupted earlier attempt left (Idempotency-Key). */
export interface WriteRequest extends HandlerInput {
  resume?: ResumeState;
}

/** Sends the reply; an error is thrown for the error handler, which answers every error. */
export function sendReply(res: Response, reply: WriteReply): void {
  if ('error' in reply) throw reply.error;
  res
    .status(reply.response.status)
    .set(reply.response.headers ?? {})
    .json(reply.response.body);
}

/** The response a reply gives: for an error, what the error handler will send for it. */
export function responseOf(req: Request, res: Response, reply: WriteReply): JsonResponse {
  if (!('error' in reply)) return reply.response;
  const error = toGatewayError(reply.error) ?? new InternalError();
  const { requestId } = ensureRequestContext(req, res);
  return { status: error.status, body: errorBody(error, requestId), headers: { ...error.headers } };
}
