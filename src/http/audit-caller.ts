/**
 * Who sent a request, as the audit trail and the idempotency quota name it: the Basic user name, or
 * a label derived from the bearer token (`token:` and 12 hex digits of its SHA-256), never the secret.
 * Read from the Authorization header; only meaningful once the endpoint's auth has accepted it.
 */
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { parseBasicAuthorization, parseBearerAuthorization } from './credentials';

export function callerOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const basic = parseBasicAuthorization(header);
  if (basic) return basic.username;
  const token = parseBearerAuthorization(header);
  if (token !== undefined) return `token:${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
  return undefined;
}
