/**
 * Python's `json.dumps(value, ensure_ascii=False)` as Odoo's `make_json_response` writes it: `", "`
 * and `": "` separators, floats in `repr()` form (`1.0`), `undefined` dropped from objects like a
 * missing key. Odoo's JSON-RPC and JSON-2 answers are byte-identical to this.
 */
import { PyFloat, pyFloat } from './py-repr';

export function pyJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof PyFloat) return pyFloat(value.value);
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isInteger(value) ? String(value) : pyFloat(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(', ')}]`;
      return `{${Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${JSON.stringify(k)}: ${pyJsonDumps(v)}`)
        .join(', ')}}`;
    default:
      return JSON.stringify(String(value));
  }
}
