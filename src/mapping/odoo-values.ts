/**
 * Odoo wire values ↔ API values, by Odoo field type (api.md "Values on the wire"). Pure functions.
 * Odoo sends `false` for every empty non-boolean field and naive UTC datetimes `YYYY-MM-DD HH:MM:SS`;
 * the API speaks `null` and ISO 8601 with `Z`.
 */
import { OdooFieldMeta } from './odoo-field-meta';

/** Odoo integers and ids are PostgreSQL int4: beyond these Odoo answers with an opaque SQL error. */
export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;

/** Odoo value → JSON value for a field read without a relation rule. */
export function fromOdooValue(value: unknown, meta: OdooFieldMeta | undefined): unknown {
  const type = meta?.type;
  if (type === 'boolean') return value === true;
  if (value === false || value === null || value === undefined) {
    return type === 'one2many' || type === 'many2many' ? [] : null;
  }
  switch (type) {
    case 'many2one':
      return Array.isArray(value) ? (value[0] ?? null) : value;
    case 'datetime':
      return typeof value === 'string' ? odooDatetimeToIso(value) : value;
    default:
      return value;
  }
}

/** `2026-11-29 10:15:00` (UTC, as Odoo stores it) → `2026-11-29T10:15:00Z`. */
export function odooDatetimeToIso(value: string): string {
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
}

const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?$/i;

/** A calendar date that exists (`2026-02-31` does not; JavaScript's Date would roll it into March). */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Any ISO 8601 datetime (with or without offset; without one it is taken as UTC) → Odoo's naive UTC
 * string, or undefined when it is not a real moment (month 13, hour 25, February 31st...).
 */
export function isoToOdooDatetime(value: string): string | undefined {
  const match = ISO_DATETIME.exec(value);
  if (!match || !isRealDate(`${match[1]}-${match[2]}-${match[3]}`)) return undefined;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  const [offsetHours, offsetMinutes] = [Number(match[8] ?? 0), Number(match[9] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const date = new Date(match[7] ? value.replace(' ', 'T') : `${value.replace(' ', 'T')}Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** JSON value (already validated) → Odoo value for a field written without a relation rule. */
export function toOdooValue(
  value: unknown,
  meta: OdooFieldMeta | undefined,
  x2many: 'replace' | 'add',
): unknown {
  const type = meta?.type;
  if (value === null) {
    if (type === 'one2many' || type === 'many2many') return [[6, 0, []]];
    return false;
  }
  switch (type) {
    case 'datetime':
      // Validated beforehand (input-schema.ts), so the conversion cannot fail here.
      return typeof value === 'string' ? (isoToOdooDatetime(value) ?? false) : value;
    case 'date':
      return typeof value === 'string' ? value.slice(0, 10) : value;
    case 'one2many':
    case 'many2many':
      return Array.isArray(value) ? idsToCommands(value as number[], x2many) : value;
    default:
      return value;
  }
}

/** Related ids → x2many commands: `(6, 0, ids)` replaces the set, `(4, id)` adds each. */
export function idsToCommands(ids: readonly number[], mode: 'replace' | 'add'): unknown[] {
  return mode === 'replace' ? [[6, 0, [...ids]]] : ids.map((id) => [4, id]);
}
