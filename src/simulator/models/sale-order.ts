/**
 * Sales orders and their lines: sequence names (S00001), totals computed from the lines (no taxes),
 * line defaults taken from the product, the state workflow and Odoo's refusal to delete confirmed
 * orders.
 */
import { userError, validationError } from '../orm/faults';
import type { ModelDef, Row } from '../orm/field-types';
import type { Orm } from '../orm/orm';

/** The ir.sequence of sale.order, kept as an id counter in the store. */
export const SALE_SEQUENCE = 'ir.sequence:sale.order';

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function subtotal(row: Row): number {
  const qty = Number(row.product_uom_qty ?? 0);
  const price = Number(row.price_unit ?? 0);
  const discount = Number(row.discount ?? 0);
  return round2(qty * price * (1 - discount / 100));
}

function orderLines(orm: Orm, row: Row): Row[] {
  const fd = saleOrder.fields.order_line!;
  return orm.o2mIds(fd, row.id).map((id) => orm.row('sale.order.line', id)!);
}

function setState(orm: Orm, ids: number[], from: readonly string[], to: string, refusal: string): boolean {
  for (const id of ids) {
    const row = orm.row('sale.order', id);
    if (!row) continue;
    if (!from.includes(String(row.state))) throw userError(refusal);
    orm.store.put('sale.order', { ...row, state: to, write_date: orm.nowString(), write_uid: orm.uid });
  }
  return true;
}

export const saleOrder: ModelDef = {
  name: 'sale.order',
  description: 'Sales Order',
  order: 'date_order desc, id desc',
  recNamesSearch: ['name', 'client_order_ref'],
  beforeCreate: (orm, vals) => {
    if (!vals.name || vals.name === 'New') {
      vals.name = `S${String(orm.store.allocId(SALE_SEQUENCE)).padStart(5, '0')}`;
    }
  },
  beforeUnlink: (orm, ids) => {
    for (const id of ids) {
      if (!['draft', 'cancel'].includes(String(orm.row('sale.order', id)?.state))) {
        throw userError(
          'You can not delete a sent quotation or a confirmed sales order. You must first cancel it.',
        );
      }
    }
  },
  actions: {
    action_confirm: (orm, ids) =>
      setState(orm, ids, ['draft', 'sent'], 'sale', 'Some orders are not in a state requiring confirmation.'),
    action_cancel: (orm, ids) => setState(orm, ids, ['draft', 'sent', 'sale'], 'cancel', 'Cannot cancel.'),
    action_draft: (orm, ids) => setState(orm, ids, ['cancel', 'sent'], 'draft', 'Cannot reset to quotation.'),
    action_quotation_sent: (orm, ids) =>
      setState(orm, ids, ['draft', 'sent'], 'sent', 'Only draft orders can be marked as sent directly.'),
  },
  fields: {
    name: { type: 'char', string: 'Order Reference', required: true, default: 'New' },
    partner_id: { type: 'many2one', string: 'Customer', relation: 'res.partner', required: true },
    date_order: {
      type: 'datetime',
      string: 'Order Date',
      required: true,
      default: (orm: Orm) => orm.nowString(),
    },
    validity_date: { type: 'date', string: 'Expiration' },
    state: {
      type: 'selection',
      string: 'Status',
      readonly: true,
      default: 'draft',
      selection: [
        ['draft', 'Quotation'],
        ['sent', 'Quotation Sent'],
        ['sale', 'Sales Order'],
        ['cancel', 'Cancelled'],
      ],
    },
    client_order_ref: { type: 'char', string: 'Customer Reference' },
    origin: { type: 'char', string: 'Source Document' },
    note: { type: 'html', string: 'Terms and conditions' },
    order_line: {
      type: 'one2many',
      string: 'Order Lines',
      relation: 'sale.order.line',
      inverseName: 'order_id',
    },
    currency_id: { type: 'many2one', string: 'Currency', relation: 'res.currency', default: 125 },
    user_id: {
      type: 'many2one',
      string: 'Salesperson',
      relation: 'res.users',
      default: (orm: Orm) => orm.uid,
    },
    company_id: { type: 'many2one', string: 'Company', relation: 'res.company', required: true, default: 1 },
    amount_untaxed: {
      type: 'monetary',
      string: 'Untaxed Amount',
      readonly: true,
      compute: (orm, row) => round2(orderLines(orm, row).reduce((sum, line) => sum + subtotal(line), 0)),
    },
    amount_tax: { type: 'monetary', string: 'Taxes', readonly: true, compute: () => 0 },
    amount_total: {
      type: 'monetary',
      string: 'Total',
      readonly: true,
      compute: (orm, row) => round2(orderLines(orm, row).reduce((sum, line) => sum + subtotal(line), 0)),
    },
  },
};

export const saleOrderLine: ModelDef = {
  name: 'sale.order.line',
  description: 'Sales Order Line',
  order: 'order_id, sequence, id',
  displayName: (orm, row) => {
    const order = typeof row.order_id === 'number' ? orm.row('sale.order', row.order_id) : undefined;
    const first = String(row.name || '').split('\n')[0];
    return `${String(order?.name ?? '')} - ${first}`;
  },
  beforeCreate: (orm, vals) => {
    // sale's _compute_customer_lead (no @api.depends; sale_stock reads the product's sale_delay).
    if (vals.customer_lead === undefined) vals.customer_lead = 0;
    const product =
      typeof vals.product_id === 'number' ? orm.row('product.product', vals.product_id) : undefined;
    if (!product) return;
    const model = orm.model('product.product');
    if (vals.name === undefined) vals.name = orm.displayNameOf(model, product);
    if (vals.price_unit === undefined) vals.price_unit = orm.value(model, product, 'lst_price');
    if (vals.product_uom === undefined) vals.product_uom = orm.value(model, product, 'uom_id');
  },
  check: (_orm, row) => {
    // The SQL constraint sale_order_line_accountable_required_fields.
    if (!row.product_id || !row.product_uom) {
      throw validationError(
        'The operation cannot be completed: Missing required fields on accountable sale order line.',
      );
    }
  },
  fields: {
    order_id: {
      type: 'many2one',
      string: 'Order Reference',
      relation: 'sale.order',
      required: true,
      ondelete: 'cascade',
    },
    sequence: { type: 'integer', string: 'Sequence', default: 10 },
    product_id: { type: 'many2one', string: 'Product', relation: 'product.product', ondelete: 'restrict' },
    name: { type: 'text', string: 'Description', required: true, precomputeDepends: ['product_id'] },
    product_uom_qty: { type: 'float', string: 'Quantity', default: 1 },
    product_uom: { type: 'many2one', string: 'Unit of Measure', relation: 'uom.uom' },
    price_unit: { type: 'float', string: 'Unit Price', default: 0 },
    // Odoo 18's sale module computes it on create (precompute) in a method without @api.depends, so
    // fields_get describes it as a plain required field: `depends: []`, `store: true`, no default.
    customer_lead: { type: 'float', string: 'Lead Time', required: true },
    discount: { type: 'float', string: 'Discount (%)', default: 0 },
    price_subtotal: {
      type: 'monetary',
      string: 'Subtotal',
      readonly: true,
      compute: (_orm, row) => subtotal(row),
    },
    price_total: { type: 'monetary', string: 'Total', readonly: true, compute: (_orm, row) => subtotal(row) },
    state: {
      type: 'selection',
      string: 'Order Status',
      readonly: true,
      related: ['order_id', 'state'],
      selection: saleOrder.fields.state!.selection,
    },
    currency_id: {
      type: 'many2one',
      string: 'Currency',
      relation: 'res.currency',
      readonly: true,
      related: ['order_id', 'currency_id'],
    },
  },
};
