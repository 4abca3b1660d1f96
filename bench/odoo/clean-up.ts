/**
 * Deletes the customers a run created (their refs start with the run tag): between rows, so that the
 * database every row reads is the same size whatever ran before it, and at the end against a real Odoo.
 */
import type { OdooExec } from './odoo-exec';

const CHUNK = 500;

export async function deleteCustomersByRefPrefix(exec: OdooExec, prefix: string): Promise<number> {
  const ids = (await exec('res.partner', 'search', [[['ref', '=like', `${prefix}%`]]], {
    context: { active_test: false },
  })) as number[];
  for (let start = 0; start < ids.length; start += CHUNK) {
    await exec('res.partner', 'unlink', [ids.slice(start, start + CHUNK)]);
  }
  return ids.length;
}
