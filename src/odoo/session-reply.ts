import { SESSION_LOST_MESSAGE } from './classify-fault';
import type { HttpPostReply } from './http-post';
import { readEnvelope } from './jsonrpc-transport';
import { OdooModelMissingError } from './model-missing-error';
import { notProtocolReply, OdooFault } from './rpc-transport';

/**
 * Reads the answer of `POST /web/dataset/call_kw/<model>/<method>` (Odoo's web-client session route).
 * Pure, tested against the Odoo 18.0 session transcript. Every answer is HTTP 200 with a JSON-RPC
 * envelope, classified by `error.data.name` as on `/jsonrpc`, except:
 *
 * - a lost session: JSON-RPC code 100 "Odoo Session Expired" (the session has no user any more), or,
 *   on a server with several databases, an HTML 404 page (the cookie names no session, so no database
 *   is known and the db-less route map answers). Both are raised as an AccessDenied fault carrying
 *   SESSION_LOST_MESSAGE, so that the client logs in again once and retries once. Safe even for a
 *   write: Odoo checks the session before it dispatches the call, so a call answered this way never ran.
 * - an unknown model: code 404 `werkzeug.exceptions.NotFound`, a configuration fault (503).
 */
const SESSION_EXPIRED_CODE = 100;
const SESSION_EXPIRED_NAME = 'odoo.http.SessionExpiredException';

export function readSessionReply(reply: HttpPostReply, model: string): unknown {
  if (reply.status === 404 && !/\bjson\b/i.test(reply.contentType)) {
    throw new OdooFault(3, SESSION_LOST_MESSAGE);
  }
  if (reply.status !== 200 || !/\bjson\b/i.test(reply.contentType)) {
    throw notProtocolReply(reply.status, 'JSON-RPC', '/web/dataset/call_kw');
  }
  const error = envelopeError(reply.body);
  if (error && isSessionExpired(error)) throw new OdooFault(3, SESSION_LOST_MESSAGE);
  if (error && error.code === 404 && errorName(error) === 'werkzeug.exceptions.NotFound') {
    throw new OdooModelMissingError(model);
  }
  return readEnvelope(reply.body);
}

function isSessionExpired(error: Record<string, unknown>): boolean {
  return error.code === SESSION_EXPIRED_CODE || errorName(error) === SESSION_EXPIRED_NAME;
}

function envelopeError(body: string): Record<string, unknown> | undefined {
  try {
    const envelope = JSON.parse(body) as { error?: unknown } | null;
    const error = envelope?.error;
    return typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // readEnvelope reports the unreadable body.
  }
}

function errorName(error: Record<string, unknown>): string | undefined {
  const data = error.data as { name?: unknown } | undefined;
  return typeof data?.name === 'string' ? data.name : undefined;
}
