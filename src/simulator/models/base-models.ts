/**
 * The other models of Odoo's `base` module a sync client touches: partner tags, countries,
 * currencies, users and companies.
 */
import type { ModelDef, Row } from '../orm/field-types';
import { userError } from '../orm/faults';
import type { Orm } from '../orm/orm';
import { createsCycle } from '../orm/recursion';

function categoryPath(orm: Orm, row: Row): string {
  const names: string[] = [];
  let current: Row | undefined = row;
  for (let depth = 0; current && depth < 20; depth++) {
    names.unshift(String(current.name || ''));
    current =
      typeof current.parent_id === 'number' ? orm.row('res.partner.category', current.parent_id) : undefined;
  }
  return names.join(' / ');
}

export const resPartnerCategory: ModelDef = {
  name: 'res.partner.category',
  description: 'Partner Tags',
  order: 'complete_name',
  parentName: 'parent_id',
  displayName: categoryPath,
  check: (orm, row) => {
    // _parent_store computes parent_path first and finds the loop there.
    if (createsCycle(orm, resPartnerCategory, row)) throw userError('Recursion Detected.');
  },
  fields: {
    name: { type: 'char', string: 'Name', required: true },
    complete_name: { type: 'char', string: 'Complete Name', readonly: true, compute: categoryPath },
    color: { type: 'integer', string: 'Color', default: 0 },
    parent_id: {
      type: 'many2one',
      string: 'Parent Category',
      relation: 'res.partner.category',
      ondelete: 'cascade',
    },
    child_ids: {
      type: 'one2many',
      string: 'Child Tags',
      relation: 'res.partner.category',
      inverseName: 'parent_id',
    },
    active: { type: 'boolean', string: 'Active', default: true },
    partner_ids: {
      type: 'many2many',
      string: 'Partners',
      relation: 'res.partner',
      readonly: true,
      compute: (orm, row) =>
        [...orm.store.rows('res.partner')]
          .filter((p) => Array.isArray(p.category_id) && p.category_id.includes(row.id))
          .map((p) => p.id),
    },
  },
};

export const resCountry: ModelDef = {
  name: 'res.country',
  description: 'Country',
  order: 'name',
  recNamesSearch: ['name', 'code'],
  fields: {
    name: { type: 'char', string: 'Country Name', required: true },
    code: { type: 'char', string: 'Country Code', required: true },
    currency_id: { type: 'many2one', string: 'Currency', relation: 'res.currency' },
    phone_code: { type: 'integer', string: 'Country Calling Code' },
  },
};

export const resCurrency: ModelDef = {
  name: 'res.currency',
  description: 'Currency',
  order: 'active desc, name',
  recNamesSearch: ['name', 'full_name'],
  fields: {
    name: { type: 'char', string: 'Currency', required: true },
    full_name: { type: 'char', string: 'Name' },
    symbol: { type: 'char', string: 'Symbol', required: true },
    rounding: { type: 'float', string: 'Rounding Factor', default: 0.01 },
    decimal_places: {
      type: 'integer',
      string: 'Decimal Places',
      readonly: true,
      compute: (_orm, row) => {
        const r = typeof row.rounding === 'number' && row.rounding > 0 ? row.rounding : 0.01;
        return Math.max(0, Math.ceil(Math.log10(1 / r)));
      },
    },
    position: {
      type: 'selection',
      string: 'Symbol Position',
      default: 'after',
      selection: [
        ['after', 'After Amount'],
        ['before', 'Before Amount'],
      ],
    },
    active: { type: 'boolean', string: 'Active', default: true },
  },
};

export const resUsers: ModelDef = {
  name: 'res.users',
  description: 'User',
  order: 'name, login',
  fields: {
    login: { type: 'char', string: 'Login', required: true },
    partner_id: { type: 'many2one', string: 'Related Partner', relation: 'res.partner', required: true },
    name: { type: 'char', string: 'Name', related: ['partner_id', 'name'] },
    email: { type: 'char', string: 'Email', related: ['partner_id', 'email'] },
    company_id: { type: 'many2one', string: 'Company', relation: 'res.company', default: 1 },
    active: { type: 'boolean', string: 'Active', default: true },
  },
};

export const resCompany: ModelDef = {
  name: 'res.company',
  description: 'Companies',
  order: 'name',
  fields: {
    name: { type: 'char', string: 'Company Name', related: ['partner_id', 'name'] },
    partner_id: { type: 'many2one', string: 'Partner', relation: 'res.partner', required: true },
    currency_id: { type: 'many2one', string: 'Currency', relation: 'res.currency', required: true },
    active: { type: 'boolean', string: 'Active', default: true },
  },
};
