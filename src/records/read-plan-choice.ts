/**
 * Which read plan a GET uses. `web` (web_search_read / web_read, one call per GET) exists from Odoo 17;
 * `classic` (search_read + one read per related model) works on every version.
 * - `auto`: `web` when the server's major version is 17 or more (`connection()` asks Odoo once, cached);
 * - `classic` / `web`: forced, e.g. `classic` for a server (or a simulator) that lacks the web methods.
 * Absent means `classic` until the wiring passes a setting.
 */
import { OdooClient } from '../odoo/odoo-client';

export type ReadPlanChoice = 'auto' | 'classic' | 'web';

/** The first Odoo version whose `web_search_read` takes a specification and answers `{length, records}`. */
export const WEB_READS_SINCE_MAJOR = 17;

export async function usesWebPlan(odoo: OdooClient, choice: ReadPlanChoice = 'classic'): Promise<boolean> {
  if (choice !== 'auto') return choice === 'web';
  return (await odoo.connection()).serverMajor >= WEB_READS_SINCE_MAJOR;
}
