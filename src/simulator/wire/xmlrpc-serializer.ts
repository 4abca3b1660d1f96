/**
 * Writes XML-RPC responses byte for byte as Odoo 18 does: results through Odoo's own marshaller
 * (`<?xml version="1.0"?>` and a blank line before `</methodResponse>`), faults through Python's
 * `xmlrpc.client.dumps` (`<?xml version='1.0'?>`). Python escapes only `&`, `<` and `>`.
 */
import { PyFloat, pyFloat } from './py-repr';

const NEEDS_ESCAPE = /[&<>]/;

export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Odoo marshals datetimes as `YYYY-MM-DD HH:MM:SS` strings (UTC). */
export function formatDatetime(d: Date): string {
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

function dumpValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `<value><string>${escapeXml(value)}</string></value>\n`;
    case 'boolean':
      return `<value><boolean>${value ? 1 : 0}</boolean></value>\n`;
    case 'number':
      return Number.isInteger(value)
        ? `<value><int>${value}</int></value>\n`
        : `<value><double>${pyFloat(value)}</double></value>\n`;
    case 'undefined':
      return '<value><nil/></value>';
    case 'object':
      return dumpObject(value);
    default:
      return `<value><string>${escapeXml(String(value))}</string></value>\n`;
  }
}

function dumpObject(value: object | null): string {
  if (value === null) return '<value><nil/></value>';
  if (Array.isArray(value)) {
    let out = '<value><array><data>\n';
    for (const item of value) out += dumpValue(item);
    return out + '</data></array></value>\n';
  }
  if (value instanceof PyFloat) return `<value><double>${pyFloat(value.value)}</double></value>\n`;
  if (value instanceof Date) return `<value><string>${formatDatetime(value)}</string></value>\n`;
  if (Buffer.isBuffer(value)) return `<value><string>${value.toString('base64')}</string></value>\n`;
  let out = '<value><struct>\n';
  for (const key of Object.keys(value)) {
    out += `<member>\n<name>${escapeXml(key)}</name>\n`;
    out += dumpValue((value as Record<string, unknown>)[key]);
    out += '</member>\n';
  }
  return out + '</struct></value>\n';
}

export function serializeResponse(result: unknown): string {
  return `<?xml version="1.0"?>\n<methodResponse>\n<params>\n<param>\n${dumpValue(result)}</param>\n</params>\n\n</methodResponse>\n`;
}

/** `faultCode` is an int on `/xmlrpc/2`, a string on the legacy `/xmlrpc` endpoints. */
export function serializeFault(faultCode: number | string, faultString: string): string {
  return (
    "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n" +
    `<member>\n<name>faultCode</name>\n${dumpValue(faultCode)}</member>\n` +
    `<member>\n<name>faultString</name>\n${dumpValue(faultString)}</member>\n` +
    '</struct></value>\n</fault>\n</methodResponse>\n'
  );
}
