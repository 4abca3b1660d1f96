/**
 * The body of `POST /bj_api_sync/outbound/{endpoint}/cursor` (docs/outbound.md): `{"from": "now"}`
 * (skip what is waiting in the feed) or `{"since": "<ISO 8601 time>"}` (read again from then: the
 * backfill). Anything else is a 400 naming what to send.
 */
import { ErrorDetail } from '../errors/gateway-error';
import { ValidationError } from '../errors/errors';
import { isoToOdooDatetime } from '../mapping/odoo-values';

/** Where the cursor starts again: now, or an instant in the past. */
export type CursorReset = { from: 'now' } | { since: Date };

const USAGE = 'send {"from": "now"} or {"since": "2026-01-31T10:15:00Z"}';

export function parseCursorReset(body: unknown, now: number = Date.now()): CursorReset {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError(`The body must be a JSON object: ${USAGE}`);
  }
  const errors: ErrorDetail[] = [];
  const fields = body as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (key !== 'from' && key !== 'since')
      errors.push({ line_id: key.slice(0, 64), error: `is not a field; ${USAGE}` });
  }
  const { from, since } = fields;
  if (from === undefined && since === undefined) errors.push({ line_id: null, error: USAGE });
  if (from !== undefined && since !== undefined) {
    errors.push({ line_id: 'since', error: 'give from or since, not both' });
  }
  if (from !== undefined && from !== 'now') errors.push({ line_id: 'from', error: 'must be "now"' });
  let at: Date | undefined;
  if (since !== undefined) {
    const odoo = typeof since === 'string' ? isoToOdooDatetime(since) : undefined;
    if (odoo === undefined) {
      errors.push({ line_id: 'since', error: 'must be an ISO 8601 time such as 2026-01-31T10:15:00Z' });
    } else {
      at = new Date(`${odoo.replace(' ', 'T')}Z`);
      // A floor in the future would skip changes made until then without a word.
      if (at.getTime() > now) errors.push({ line_id: 'since', error: 'must not be in the future' });
    }
  }
  if (errors.length > 0) throw ValidationError.fromDetails(errors);
  return at ? { since: at } : { from: 'now' };
}
