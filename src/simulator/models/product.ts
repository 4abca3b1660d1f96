/**
 * Products: `product.template` and its variants `product.product` (which delegate most fields to
 * their template, like Odoo's `_inherits`), units of measure and product tags. One variant per
 * template: creating either side creates the other.
 */
import type { FieldDef, ModelDef, Row } from '../orm/field-types';
import type { Orm } from '../orm/orm';
import { createRecords } from '../orm/write';

function codeAndName(code: unknown, name: unknown): string {
  return code ? `[${String(code)}] ${String(name || '')}` : String(name || '');
}

export const uomUom: ModelDef = {
  name: 'uom.uom',
  description: 'Product Unit of Measure',
  order: 'factor DESC, id',
  fields: {
    name: { type: 'char', string: 'Unit of Measure', required: true },
    factor: { type: 'float', string: 'Ratio', default: 1 },
    rounding: { type: 'float', string: 'Rounding Precision', default: 0.01 },
    uom_type: {
      type: 'selection',
      string: 'Type',
      default: 'reference',
      selection: [
        ['bigger', 'Bigger than the reference Unit of Measure'],
        ['reference', 'Reference Unit of Measure for this category'],
        ['smaller', 'Smaller than the reference Unit of Measure'],
      ],
    },
    active: { type: 'boolean', string: 'Active', default: true },
  },
};

export const productTag: ModelDef = {
  name: 'product.tag',
  description: 'Product Tag',
  order: 'sequence, id',
  fields: {
    name: { type: 'char', string: 'Name', required: true },
    color: { type: 'char', string: 'Color', default: '#3C3C3C' },
    sequence: { type: 'integer', string: 'Sequence', default: 10 },
  },
};

const TEMPLATE_FIELDS: Record<string, FieldDef> = {
  name: { type: 'char', string: 'Name', required: true },
  default_code: { type: 'char', string: 'Internal Reference' },
  barcode: { type: 'char', string: 'Barcode' },
  type: {
    type: 'selection',
    string: 'Product Type',
    required: true,
    default: 'consu',
    selection: [
      ['consu', 'Goods'],
      ['service', 'Service'],
      ['combo', 'Combo'],
    ],
  },
  list_price: { type: 'float', string: 'Sales Price', default: 1 },
  standard_price: { type: 'float', string: 'Cost', default: 0 },
  uom_id: { type: 'many2one', string: 'Unit of Measure', relation: 'uom.uom', required: true, default: 1 },
  uom_po_id: { type: 'many2one', string: 'Purchase Unit', relation: 'uom.uom', required: true, default: 1 },
  sale_ok: { type: 'boolean', string: 'Can be Sold', default: true },
  purchase_ok: { type: 'boolean', string: 'Can be Purchased', default: true },
  description_sale: { type: 'text', string: 'Sales Description' },
  weight: { type: 'float', string: 'Weight', default: 0 },
  product_tag_ids: { type: 'many2many', string: 'Tags', relation: 'product.tag' },
};

export const productTemplate: ModelDef = {
  name: 'product.template',
  description: 'Product',
  order: 'name',
  recNamesSearch: ['name', 'default_code'],
  displayName: (_orm, row) => codeAndName(row.default_code, row.name),
  afterCreate: (orm, id, ctx) => {
    if (!ctx.skipVariant) createRecords(orm, orm.model('product.product'), [{ product_tmpl_id: id }]);
  },
  fields: {
    ...TEMPLATE_FIELDS,
    active: { type: 'boolean', string: 'Active', default: true },
    product_variant_ids: {
      type: 'one2many',
      string: 'Products',
      relation: 'product.product',
      inverseName: 'product_tmpl_id',
    },
    product_variant_id: {
      type: 'many2one',
      string: 'Product',
      relation: 'product.product',
      readonly: true,
      compute: (orm, row) => orm.o2mIds(productTemplate.fields.product_variant_ids!, row.id)[0] ?? false,
    },
  },
};

/** Template fields seen through the variant, readable, writable and searchable there. */
const DELEGATED: Record<string, FieldDef> = Object.fromEntries(
  Object.entries(TEMPLATE_FIELDS).map(([fname, fd]) => [
    fname,
    { ...fd, default: undefined, required: false, related: ['product_tmpl_id', fname] },
  ]),
);

function templateOf(orm: Orm, row: Row): Row | undefined {
  return typeof row.product_tmpl_id === 'number'
    ? orm.row('product.template', row.product_tmpl_id)
    : undefined;
}

export const productProduct: ModelDef = {
  name: 'product.product',
  description: 'Product Variant',
  order: 'default_code, name, id',
  recNamesSearch: ['name', 'default_code'],
  displayName: (orm, row) => {
    const tmpl = templateOf(orm, row);
    return codeAndName(tmpl?.default_code, tmpl?.name);
  },
  beforeCreate: (orm, vals) => {
    if (vals.product_tmpl_id) return;
    // `_inherits`: the template is created from the delegated values first.
    const tmplVals: Record<string, unknown> = {};
    for (const fname of Object.keys(TEMPLATE_FIELDS)) {
      if (fname in vals) {
        tmplVals[fname] = vals[fname];
        delete vals[fname];
      }
    }
    const [tmplId] = createRecords(orm, orm.model('product.template'), [tmplVals], { skipVariant: true });
    vals.product_tmpl_id = tmplId;
  },
  fields: {
    product_tmpl_id: {
      type: 'many2one',
      string: 'Product Template',
      relation: 'product.template',
      required: true,
      ondelete: 'cascade',
    },
    ...DELEGATED,
    lst_price: { type: 'float', string: 'Sales Price', related: ['product_tmpl_id', 'list_price'] },
    active: { type: 'boolean', string: 'Active', default: true },
  },
};
