/**
 * Which read plan a GET uses (`odoo.read_plan` in gateway.yaml). `web` (web_search_read / web_read,
 * one call per GET; web_save for a single write that wants its representation) exists from Odoo 17;
 * `classic` (search_read + one read per related model) works on every version.
 * - `auto` (the default): `web` when the server's major version is 17 or more (`connection()` asks
 *   Odoo once, cached), else `classic`;
 * - `classic`: forced, without asking Odoo its version;
 * - `web`: forced; on an Odoo older than 17 every read answers 503 naming the setting to change.
 * Absent (a ReadDeps built without a setting) means `classic`.
 */
import { OdooUnavailableError } from '../errors/errors';
import { OdooClient } from '../odoo/odoo-client';

export type ReadPlanChoice = 'auto' | 'classic' | 'web';

/** The first Odoo version whose `web_search_read` takes a specification and answers `{length, records}`. */
export const WEB_READS_SINCE_MAJOR = 17;

export async function usesWebPlan(odoo: OdooClient, choice: ReadPlanChoice = 'classic'): Promise<boolean> {
  if (choice === 'classic') return false;
  const { serverMajor, serverVersion } = await odoo.connection();
  if (serverMajor >= WEB_READS_SINCE_MAJOR) return true;
  if (choice === 'auto') return false;
  // The gateway's configuration does not fit this Odoo: ops must fix it, the caller cannot.
  throw new OdooUnavailableError(
    `odoo.read_plan is "web", but this Odoo is version ${serverVersion}: the web read plan needs ` +
      `Odoo ${WEB_READS_SINCE_MAJOR} or later. Set odoo.read_plan to auto or classic in gateway.yaml`,
  );
}
