/** After a run against a real Odoo: delete the customers the run created (their refs start with the run tag). */
import type { OdooExec } from './odoo-exec';

const CHUNK = 500;

export async function cleanUpRealOdoo(exec: OdooExec, runTag: string): Promise<number> {
  const ids = (await exec('res.partner', 'search', [[['ref', '=like', `${runTag}-%`]]], {
    context: { active_test: false },
  })) as number[];
  for (let start = 0; start < ids.length; start += CHUNK) {
    await exec('res.partner', 'unlink', [ids.slice(start, start + CHUNK)]);
  }
  return ids.length;
}
