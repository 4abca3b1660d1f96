import { ValidationError } from '../errors/errors';

/**
 * Prepares call arguments for the wire so that both transports send what Odoo expects.
 *
 * - `undefined` (and functions/symbols) are dropped from objects and become `null` in arrays, as
 *   JSON.stringify does. Left alone, `xmlrpc`'s serializer writes an empty `<value/>`, which Python
 *   reads as the empty string: `{phone: undefined}` would silently blank the phone in Odoo.
 * - A `Date` becomes Odoo's datetime string `YYYY-MM-DD HH:MM:SS` in UTC. `xmlrpc` would send it as
 *   `dateTime.iso8601` in the gateway's *local* time without an offset, and JSON as ISO-8601 with
 *   `T`/`Z`, which Odoo's datetime fields do not parse.
 * - NaN/Infinity cannot be represented (XML-RPC would send `<double>NaN</double>`, JSON `null`).
 * - A bigint becomes a number when it is a safe integer.
 */
export function toWireValue(value: unknown, path = 'value'): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return finiteNumber(value, path);
  if (typeof value === 'bigint') return safeBigInt(value, path);
  if (value instanceof Date) return odooDatetime(value, path);
  if (Buffer.isBuffer(value)) return value;
  if (Array.isArray(value)) return value.map((item, index) => toWireValue(item, `${path}[${index}]`) ?? null);
  if (typeof value === 'object') return wireObject(value as Record<string, unknown>, path);
  return undefined;
}

export function toWireValues(values: readonly unknown[]): unknown[] {
  return values.map((item, index) => toWireValue(item, `argument ${index}`) ?? null);
}

/** `2024-05-01 13:45:00`: the string form Odoo reads and writes datetimes in (always UTC). */
export function odooDatetime(date: Date, path = 'value'): string {
  if (Number.isNaN(date.getTime())) throw new ValidationError(`${path} is an invalid date`);
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function wireObject(value: Record<string, unknown>, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const wire = toWireValue(item, `${path}.${key}`);
    if (wire !== undefined) out[key] = wire;
  }
  return out;
}

function finiteNumber(value: number, path: string): number {
  if (!Number.isFinite(value)) throw new ValidationError(`${path} is not a finite number`);
  return value;
}

function safeBigInt(value: bigint, path: string): number {
  const asNumber = Number(value);
  if (!Number.isSafeInteger(asNumber)) throw new ValidationError(`${path} is too large an integer for Odoo`);
  return asNumber;
}
