/**
 * Values given to create/write turned into stored values the way Odoo's `convert_to_cache` does,
 * including its quirks: any truthy value is a true boolean, a number written into a char field becomes
 * its text, and a string written into a many2one is stored as empty (recorded on a real Odoo 18).
 */
import { pyFloat, pyRepr } from '../wire/py-repr';
import { formatDatetime } from '../wire/xmlrpc-serializer';
import { valueError } from './faults';
import type { FieldDef, ModelDef } from './field-types';

/** Python truthiness. */
export function pyBool(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

function toText(value: unknown): string | false {
  if (value === false || value === null || value === undefined) return false;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloat(value);
  return value === true ? 'True' : pyRepr(value);
}

function toInteger(value: unknown): number {
  if (!pyBool(value)) return 0;
  if (typeof value === 'number') return Math.trunc(value);
  if (value === true) return 1;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return parseInt(value, 10);
  throw valueError(`invalid literal for int() with base 10: ${pyRepr(value)}`);
}

function toFloat(value: unknown): number {
  if (!pyBool(value)) return 0;
  if (typeof value === 'number') return value;
  if (value === true) return 1;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (Number.isNaN(n)) throw valueError(`could not convert string to float: ${pyRepr(value)}`);
  return n;
}

function validDate(y: number, m: number, d: number, h = 0, mi = 0, s = 0): boolean {
  const t = new Date(Date.UTC(y, m - 1, d, h, mi, s));
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === m - 1 &&
    t.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60
  );
}

function toDate(value: unknown): string | false {
  if (!pyBool(value)) return false;
  if (value instanceof Date) return formatDatetime(value).slice(0, 10);
  const text = String(value).slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m || !validDate(+m[1]!, +m[2]!, +m[3]!)) {
    throw valueError(`time data ${pyRepr(text)} does not match format '%Y-%m-%d'`);
  }
  return text;
}

function toDatetime(value: unknown): string | false {
  if (!pyBool(value)) return false;
  if (value instanceof Date) return formatDatetime(value);
  let text = String(value).slice(0, 19);
  if (text.length === 10) text += ' 00:00:00';
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m || !validDate(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) {
    throw valueError(`time data ${pyRepr(text)} does not match format '%Y-%m-%d %H:%M:%S'`);
  }
  return text;
}

/** Converts one scalar or many2one value; x2many values go through `commands.ts`. */
export function convertValue(model: ModelDef, fname: string, fd: FieldDef, value: unknown): unknown {
  switch (fd.type) {
    case 'char':
    case 'text':
    case 'html':
      return toText(value);
    case 'integer':
      return toInteger(value);
    case 'float':
    case 'monetary':
      return toFloat(value);
    case 'boolean':
      return pyBool(value);
    case 'date':
      return toDate(value);
    case 'datetime':
      return toDatetime(value);
    case 'selection':
      if (value === false || value === null || value === undefined) return false;
      if (typeof value === 'string' && fd.selection?.some(([key]) => key === value)) return value;
      throw valueError(`Wrong value for ${model.name}.${fname}: ${pyRepr(value)}`);
    case 'many2one':
      return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : false;
    case 'binary':
      return Buffer.isBuffer(value) ? value.toString('base64') : toText(value);
    default:
      return value;
  }
}
