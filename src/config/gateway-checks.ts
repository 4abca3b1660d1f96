/** Checks of gateway.yaml beyond its structure. */
import { checkAuth } from './auth-checks';
import { RawGateway } from './raw-types';
import { Report } from './report';

export function checkGateway(
  gateway: RawGateway,
  env: Record<string, string | undefined>,
  report: Report,
): void {
  if (gateway.admin) checkAuth(gateway.admin.auth, ['admin', 'auth'], report);
  const { odoo } = gateway;
  // An empty url means the built-in simulator: demo data must never pass for production.
  if (odoo.url === '') {
    if (env.NODE_ENV === 'production') {
      report(
        ['odoo', 'url'],
        'is empty, which starts the built-in Odoo simulator: refused when NODE_ENV=production',
        'set ODOO_URL',
      );
    }
    return;
  }
  // JSON-2 needs no user name (the API key names its user); the database picks one of several.
  const needed =
    odoo.protocol === 'json2' ? (['db', 'password'] as const) : (['db', 'username', 'password'] as const);
  for (const key of needed) {
    if (odoo[key] === '') {
      report(['odoo', key], 'is required when odoo.url is set', `e.g. ${key}: \${ODOO_${key.toUpperCase()}}`);
    }
  }
}
