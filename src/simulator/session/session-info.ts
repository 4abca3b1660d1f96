/**
 * The `session_info` dictionary `/web/session/authenticate` and `/web/session/get_session_info`
 * answer. Real Odoo adds the web client's own data (menus, discuss store, view icons...); the
 * simulator answers the keys a sync client reads, with the same names and types.
 */
import type { Orm } from '../orm/orm';
import type { OdooVersion } from '../types';
import { versionInfo } from '../versions';

export function sessionInfo(
  orm: Orm,
  version: OdooVersion,
  db: string,
  login: string,
): Record<string, unknown> {
  const uid = orm.uid;
  const user = orm.row('res.users', uid);
  const partnerId = typeof user?.partner_id === 'number' ? user.partner_id : false;
  const partner = partnerId ? orm.row('res.partner', partnerId) : undefined;
  const info = versionInfo(version);
  const admin = uid === 2;
  return {
    uid,
    is_system: admin,
    is_admin: admin,
    is_public: false,
    is_internal_user: true,
    user_context: { lang: 'en_US', tz: 'Europe/Brussels', uid },
    db,
    server_version: info.server_version,
    server_version_info: info.server_version_info,
    support_url: 'https://www.odoo.com/buy',
    name: partner ? orm.value(orm.model('res.partner'), partner, 'name') : login,
    username: login,
    partner_write_date: partner?.write_date ?? false,
    partner_display_name: partnerId ? orm.displayName('res.partner', partnerId) : false,
    partner_id: partnerId,
    'web.base.url': 'http://127.0.0.1:8069',
    active_ids_limit: 20000,
    max_file_upload_size: 134217728,
    home_action_id: false,
  };
}
