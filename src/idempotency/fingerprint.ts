/**
 * The names under which requests are kept: the key is scoped to the client (a hash of its
 * Authorization header, so two clients never share keys and no credential is stored), the method and
 * the path; the fingerprint is a hash of what the request asks (body, query, Prefer).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../records/canonical-json';

export interface KeyedRequest {
  idempotencyKey: string;
  authorization: string | undefined;
  method: string;
  path: string;
}

export function scopedKey(request: KeyedRequest): string {
  const parts = [request.authorization ?? '', request.method, request.path, request.idempotencyKey];
  return `idem:${sha256(JSON.stringify(parts))}`;
}

export function requestFingerprint(body: unknown, query: unknown, prefer: string | undefined): string {
  return sha256(canonicalJson({ body, query, prefer: prefer ?? null }));
}

/** RFC 9110 visible ASCII, as the IETF Idempotency-Key draft expects; quotes of a structured string are dropped. */
export function parseIdempotencyKey(raw: string): string | undefined {
  const value = raw.trim().replace(/^"(.*)"$/, '$1');
  return /^[\x21-\x7e][\x20-\x7e]{0,254}$/.test(value) ? value : undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
