/**
 * res.partner as Odoo 18 describes it (labels and types as in the recorded `fields_get`), with the
 * behaviours a sync client sees: "Company, Contact" display names, company_type computed from
 * is_company both ways, and the `check_name` constraint ("Contacts require a name").
 */
import { validationError } from '../orm/faults';
import { createsCycle } from '../orm/recursion';
import type { ModelDef, Row } from '../orm/field-types';
import type { Orm } from '../orm/orm';

const MODEL = 'res.partner';

function partner(orm: Orm, id: unknown): Row | undefined {
  return typeof id === 'number' ? orm.row(MODEL, id) : undefined;
}

/** The top company above a contact (`commercial_partner_id`). */
function commercialPartner(orm: Orm, row: Row): Row {
  let current = row;
  for (let depth = 0; depth < 20; depth++) {
    const parent = partner(orm, current.parent_id);
    if (current.is_company === true || !parent) return current;
    current = parent;
  }
  return current;
}

function commercialCompanyName(orm: Orm, row: Row): string | false {
  const commercial = commercialPartner(orm, row);
  if (commercial.is_company === true) return (commercial.name as string | false) || false;
  return (row.company_name as string | false) || false;
}

const TYPE_LABELS: Record<string, string> = {
  invoice: 'Invoice Address',
  delivery: 'Delivery Address',
  other: 'Other Address',
};

/** `_get_complete_name`: contacts of a company read "Company, Contact". */
function completeName(orm: Orm, row: Row): string {
  let name = typeof row.name === 'string' ? row.name : '';
  const parent = partner(orm, row.parent_id);
  if (row.company_name || parent) {
    if (!name && typeof row.type === 'string' && TYPE_LABELS[row.type]) name = TYPE_LABELS[row.type]!;
    if (row.is_company !== true) {
      const company = commercialCompanyName(orm, row) || (parent?.name as string | undefined) || '';
      name = `${company}, ${name}`;
    }
  }
  return name.trim();
}

function formatAddress(name: string, email: string): string {
  const quoted = /[\][\\()<>@,:;".]/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : name;
  return `${quoted} <${email}>`;
}

/** `_address_fields()` and `_commercial_fields()` of Odoo 18 (those modelled here). */
const ADDRESS_FIELDS = ['street', 'street2', 'zip', 'city', 'country_id'] as const;
const COMMERCIAL_FIELDS = ['vat'] as const;

/**
 * `_fields_sync`: a contact takes its company's address (when the company has one) and commercial
 * fields; a company's changes flow down to its contacts.
 */
function syncFromParent(orm: Orm, id: number): void {
  const row = orm.row(MODEL, id);
  const parent = partner(orm, row?.parent_id);
  if (!row || !parent) return;
  const update: Record<string, unknown> = {};
  if (row.type === 'contact' && ADDRESS_FIELDS.some((f) => parent[f])) {
    for (const f of ADDRESS_FIELDS) update[f] = parent[f] ?? false;
  }
  const commercial = commercialPartner(orm, parent);
  for (const f of COMMERCIAL_FIELDS) update[f] = commercial[f] ?? false;
  if (Object.keys(update).some((f) => update[f] !== (row[f] ?? false)))
    orm.store.put(MODEL, { ...row, ...update });
}

function syncChildren(orm: Orm, ids: readonly number[], changed: readonly string[]): void {
  const synced: readonly string[] = [...ADDRESS_FIELDS, ...COMMERCIAL_FIELDS, 'parent_id', 'type'];
  if (!changed.some((f) => synced.includes(f))) return;
  const fd = resPartner.fields.child_ids!;
  const seen = new Set<number>();
  const visit = (id: number): void => {
    if (seen.has(id)) return;
    seen.add(id);
    syncFromParent(orm, id);
    for (const child of orm.o2mIds(fd, id)) visit(child);
  };
  for (const id of ids) visit(id);
}

export const resPartner: ModelDef = {
  name: MODEL,
  description: 'Contact',
  order: 'complete_name ASC, id DESC',
  recNamesSearch: ['complete_name', 'email', 'ref', 'vat'],
  parentName: 'parent_id',
  displayName: (orm, row) => completeName(orm, row),
  afterCreate: (orm, id) => syncFromParent(orm, id),
  afterWrite: syncChildren,
  check: (orm, row) => {
    if (createsCycle(orm, resPartner, row)) {
      throw validationError('You cannot create recursive Partner hierarchies.');
    }
    // The SQL constraint res_partner_check_name.
    if ((row.type ?? 'contact') === 'contact' && !row.name) {
      throw validationError('The operation cannot be completed: Contacts require a name');
    }
  },
  fields: {
    name: { type: 'char', string: 'Name' },
    complete_name: { type: 'char', string: 'Complete Name', readonly: true, compute: completeName },
    ref: { type: 'char', string: 'Reference' },
    email: { type: 'char', string: 'Email' },
    email_formatted: {
      type: 'char',
      string: 'Formatted Email',
      readonly: true,
      compute: (_orm, row) =>
        typeof row.email === 'string' && row.email
          ? formatAddress(String(row.name || 'False'), row.email)
          : false,
    },
    phone: { type: 'char', string: 'Phone' },
    mobile: { type: 'char', string: 'Mobile' },
    street: { type: 'char', string: 'Street' },
    street2: { type: 'char', string: 'Street2' },
    city: { type: 'char', string: 'City' },
    zip: { type: 'char', string: 'Zip' },
    country_id: { type: 'many2one', string: 'Country', relation: 'res.country', ondelete: 'restrict' },
    country_code: { type: 'char', string: 'Country Code', readonly: true, related: ['country_id', 'code'] },
    category_id: { type: 'many2many', string: 'Tags', relation: 'res.partner.category' },
    parent_id: { type: 'many2one', string: 'Related Company', relation: MODEL },
    parent_name: { type: 'char', string: 'Parent name', readonly: true, related: ['parent_id', 'name'] },
    child_ids: { type: 'one2many', string: 'Contact', relation: MODEL, inverseName: 'parent_id' },
    commercial_company_name: {
      type: 'char',
      string: 'Company Name Entity',
      readonly: true,
      compute: commercialCompanyName,
    },
    is_company: { type: 'boolean', string: 'Is a Company', default: false },
    company_type: {
      type: 'selection',
      string: 'Company Type',
      selection: [
        ['person', 'Individual'],
        ['company', 'Company'],
      ],
      compute: (_orm, row) => (row.is_company === true ? 'company' : 'person'),
      inverse: (orm, id, value) => {
        const row = orm.row(MODEL, id);
        if (row && value) orm.store.put(MODEL, { ...row, is_company: value === 'company' });
      },
    },
    type: {
      type: 'selection',
      string: 'Address Type',
      default: 'contact',
      selection: [
        ['contact', 'Contact'],
        ['invoice', 'Invoice Address'],
        ['delivery', 'Delivery Address'],
        ['other', 'Other Address'],
      ],
    },
    function: { type: 'char', string: 'Job Position' },
    company_name: { type: 'char', string: 'Company Name' },
    customer_rank: { type: 'integer', string: 'Customer Rank', default: 0 },
    supplier_rank: { type: 'integer', string: 'Supplier Rank', default: 0 },
    active: { type: 'boolean', string: 'Active', default: true },
    comment: { type: 'html', string: 'Notes' },
    vat: { type: 'char', string: 'Tax ID' },
    website: { type: 'char', string: 'Website Link' },
    lang: { type: 'selection', string: 'Language', selection: [['en_US', 'English (US)']] },
    employee: { type: 'boolean', string: 'Employee' },
    barcode: { type: 'char', string: 'Barcode' },
    color: { type: 'integer', string: 'Color Index', default: 0 },
    user_id: { type: 'many2one', string: 'Salesperson', relation: 'res.users' },
    company_id: { type: 'many2one', string: 'Company', relation: 'res.company' },
  },
};
