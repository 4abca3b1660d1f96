/**
 * What a fresh "base, no demo data" Odoo 18 database holds: currencies, countries, units of measure,
 * the company, its partner and the built-in users (OdooBot, the administrator, the public user).
 * No partner tags. Records go through the ORM, so seeds obey the same rules as RPC calls.
 */
import type { Orm } from '../orm/orm';
import { createRecords } from '../orm/write';
import { COUNTRIES, CURRENCIES, UOMS } from './reference-data';

export interface SeedUser {
  login: string;
  uid: number;
}

/** The first id a new partner gets in the base seed: well above the built-in ones. */
export const BASE_NEXT_PARTNER_ID = 100;

/** Creates one record with a chosen id (the sequence is moved to it first). */
export function insertWithId(orm: Orm, model: string, id: number, vals: Record<string, unknown>): number {
  orm.store.setNextId(model, id);
  return createRecords(orm, orm.model(model), [vals])[0]!;
}

function seedReferenceData(orm: Orm): void {
  for (const [id, name, fullName, symbol, rounding, active] of CURRENCIES) {
    insertWithId(orm, 'res.currency', id, { name, full_name: fullName, symbol, rounding, active });
  }
  const currencyIds = new Map(CURRENCIES.map(([id, code]) => [code, id]));
  for (const [id, code, name, currency, phone] of COUNTRIES) {
    insertWithId(orm, 'res.country', id, {
      code,
      name,
      currency_id: currencyIds.get(currency) ?? false,
      phone_code: phone,
    });
  }
  for (const [id, name, uomType, factor] of UOMS) {
    insertWithId(orm, 'uom.uom', id, { name, uom_type: uomType, factor });
  }
}

function seedUsers(orm: Orm, users: readonly SeedUser[]): void {
  const uids = new Set(users.map((u) => u.uid));
  if (!uids.has(1)) insertWithId(orm, 'res.users', 1, { login: '__system__', partner_id: 2, active: false });
  for (const user of [...users].sort((a, b) => a.uid - b.uid)) {
    const partnerId =
      user.uid === 2
        ? 3
        : createRecords(orm, orm.model('res.partner'), [
            { name: user.login, email: `${user.login}@example.com` },
          ])[0]!;
    insertWithId(orm, 'res.users', user.uid, { login: user.login, partner_id: partnerId, company_id: 1 });
  }
  if (!uids.has(4)) insertWithId(orm, 'res.users', 4, { login: 'public', partner_id: 4, active: false });
}

export function seedBase(orm: Orm, users: readonly SeedUser[], currencyId = 1): void {
  seedReferenceData(orm);
  insertWithId(orm, 'res.partner', 1, {
    name: 'My Company',
    is_company: true,
    email: 'info@yourcompany.com',
  });
  insertWithId(orm, 'res.partner', 2, { name: 'OdooBot', email: 'odoobot@example.com', active: false });
  insertWithId(orm, 'res.partner', 3, { name: 'Administrator', email: 'admin@yourcompany.example.com' });
  insertWithId(orm, 'res.partner', 4, { name: 'Public user', active: false });
  orm.store.setNextId('res.partner', 5);
  insertWithId(orm, 'res.company', 1, { partner_id: 1, currency_id: currencyId });
  seedUsers(orm, users);
  orm.store.setNextId('res.partner', Math.max(BASE_NEXT_PARTNER_ID, orm.store.table('res.partner').nextId));
}
