import { FieldsCatalog } from '../../../src/mapping/fields-catalog';
import { buildInputSchema, validateWithSchema } from '../../../src/mapping/input-schema';
import { ModelFields } from '../../../src/mapping/odoo-field-meta';
import { line, mapping } from '../../support/gateway-config-builder';

const orderLine = mapping('order-line', 'sale.order.line', [
  line('quantity', { field: 'product_uom_qty', required: true }),
]);
const order = mapping('orders', 'sale.order', [
  line('ref', { field: 'client_order_ref', identifier: true }),
  line('lines', { field: 'order_line', mapping: 'order-line' }),
]);
const catalog: FieldsCatalog = new Map<string, ModelFields>([
  [
    'sale.order',
    { client_order_ref: { type: 'char' }, order_line: { type: 'one2many', relation: 'sale.order.line' } },
  ],
  ['sale.order.line', { product_uom_qty: { type: 'float' } }],
]);
const lookup = (name: string) => (name === 'order-line' ? orderLine : undefined);

function problems(unknownKeys: 'reject' | 'ignore', body: unknown): string[] {
  const schema = buildInputSchema(order, 'create', { catalog, lookup, unknownKeys });
  return validateWithSchema(schema, body).map((problem) => `${problem.line_id}: ${problem.error}`);
}

describe('buildInputSchema', () => {
  const body = { ref: 'PO-1', colour: 'red', lines: [{ quantity: 2, gift_wrap: true }, { quantity: 'two' }] };

  test('when unknown keys are rejected, then top-level and nested ones are named, with every other problem', () => {
    expect(problems('reject', body).sort()).toEqual([
      'colour: is not a key of this endpoint',
      'lines[0].gift_wrap: is not a key of this endpoint',
      'lines[1].quantity: must be a number',
    ]);
  });

  test('when the endpoint ignores unknown keys, then nested objects ignore theirs too', () => {
    expect(problems('ignore', body)).toEqual(['lines[1].quantity: must be a number']);
  });

  test('when a required key or the identifier is missing or empty on create, then it is named', () => {
    expect(problems('reject', { ref: '', lines: [{}] }).sort()).toEqual([
      'lines[0].quantity: is required',
      'ref: must not be empty',
    ]);
  });
});
