/**
 * What each simulated Odoo version answers to "which version are you" (`common.version()`,
 * `/web/webclient/version_info`, `GET /web/version`) and which routes it has.
 */
import type { OdooVersion } from './types';

export interface VersionInfo {
  server_version: string;
  server_version_info: [number, number, number, string, number, string];
  server_serie: string;
  protocol_version: number;
}

export function versionInfo(version: OdooVersion): VersionInfo {
  const serie = `${version}.0`;
  return {
    server_version: serie,
    server_version_info: [version, 0, 0, 'final', 0, ''],
    server_serie: serie,
    protocol_version: 1,
  };
}

/** `GET /web/version` (type=http, no database needed). */
export function webVersion(version: OdooVersion): {
  version_info: VersionInfo['server_version_info'];
  version: string;
} {
  const info = versionInfo(version);
  return { version_info: info.server_version_info, version: info.server_version };
}

/** JSON-2 (`/json/2/<model>/<method>`) exists from Odoo 19 on. */
export const hasJson2 = (version: OdooVersion): boolean => version >= 19;

/** Odoo 19 honours `X-Odoo-Database` on every route; 18 and older ignore it. */
export const honoursDatabaseHeader = (version: OdooVersion): boolean => version >= 19;

/** Odoo 19 logs this on every `/xmlrpc` and `/jsonrpc` call (odoo/addons/base/controllers/rpc.py). */
export function deprecationWarning(route: string): string {
  return (
    `WARNING ${route} is deprecated and scheduled for removal in Odoo 20, ` +
    'use the JSON-2 API (/json/2/<model>/<method>) instead'
  );
}
