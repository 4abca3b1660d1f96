import { buildRegistry } from '../../../src/simulator/models';
import { OdooFault } from '../../../src/simulator/orm/faults';
import { callModelMethod } from '../../../src/simulator/orm/model-methods';
import { Orm } from '../../../src/simulator/orm/orm';
import { buildSeededStore } from '../../../src/simulator/seed';

const registry = buildRegistry();
let orm: Orm;
let clock = Date.UTC(2025, 5, 1, 12, 0, 0);

/** Runs a model method the way execute_kw does: in its own transaction. */
function call(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): unknown {
  return orm.store.transaction(() => callModelMethod(orm, orm.model(model), method, args, kwargs));
}

function fault(fn: () => unknown): OdooFault {
  try {
    fn();
  } catch (err) {
    if (err instanceof OdooFault) return err;
    throw err;
  }
  throw new Error('expected an OdooFault');
}

beforeEach(() => {
  orm = new Orm(registry, buildSeededStore(registry, 'demo', [{ login: 'admin', uid: 2 }]), 2, () => clock);
});

describe('create, write and unlink', () => {
  test('when a list of records is created and one fails, then none is stored', () => {
    const before = call('res.partner', 'search_count', [[]]);
    const f = fault(() => call('res.partner', 'create', [[{ name: 'Ok' }, { email: 'no-name@x.test' }]]));
    expect(f.message).toBe('The operation cannot be completed: Contacts require a name');
    expect(call('res.partner', 'search_count', [[]])).toBe(before);
  });

  test('when a record is created and written, then create_date stays and write_date moves with the clock', () => {
    const id = call('res.partner', 'create', [{ name: 'Clocked' }]) as number;
    clock += 60_000;
    call('res.partner', 'write', [[id], { phone: '123' }]);
    const [row] = call('res.partner', 'read', [[id], ['create_date', 'write_date']]) as Record<
      string,
      unknown
    >[];
    expect(row).toEqual({ id, create_date: '2025-06-01 12:00:00', write_date: '2025-06-01 12:01:00' });
  });

  test('when x2many commands 0 to 6 are written, then the relation follows each command', () => {
    const id = call('res.partner', 'create', [{ name: 'Tagged', category_id: [[6, 0, [1, 2]]] }]) as number;
    const tags = () =>
      (call('res.partner', 'read', [[id], ['category_id']]) as { category_id: number[] }[])[0]!.category_id;
    expect(tags()).toEqual([2, 1]); // read in the comodel's order: Retail before VIP
    call('res.partner', 'write', [
      [id],
      {
        category_id: [
          [3, 2],
          [4, 3],
        ],
      },
    ]);
    expect(tags().sort()).toEqual([1, 3]);
    call('res.partner', 'write', [[id], { category_id: [[0, 0, { name: 'New tag' }]] }]);
    expect(tags()).toHaveLength(3);
    call('res.partner', 'write', [[id], { category_id: [[5]] }]);
    expect(tags()).toEqual([]);
    call('res.partner', 'write', [[id], { category_id: [1] }]);
    expect(tags()).toEqual([1]);
    call('res.partner', 'write', [[id], { category_id: [[1, 1, { name: 'Very VIP' }]] }]);
    expect(call('res.partner.category', 'read', [[1], ['name']])).toEqual([{ id: 1, name: 'Very VIP' }]);
    call('res.partner', 'write', [[id], { category_id: [[2, 1]] }]);
    expect(call('res.partner.category', 'read', [[1], ['name']])).toEqual([]);
  });

  test('when one2many commands are written, then children are created, relinked and deleted', () => {
    const id = call('res.partner', 'create', [
      { name: 'Parent', is_company: true, child_ids: [[0, 0, { name: 'Kid' }]] },
    ]);
    const children = () =>
      (call('res.partner', 'read', [[id], ['child_ids']]) as { child_ids: number[] }[])[0]!.child_ids;
    const [kid] = children();
    expect(call('res.partner', 'read', [[kid], ['display_name', 'parent_id']])).toEqual([
      { id: kid, display_name: 'Parent, Kid', parent_id: [id, 'Parent'] },
    ]);
    call('res.partner', 'write', [[id], { child_ids: [[3, kid]] }]);
    expect(children()).toEqual([]);
    call('res.partner', 'write', [[id], { child_ids: [[4, kid]] }]);
    expect(children()).toEqual([kid]);
    call('res.partner', 'write', [[id], { child_ids: [[2, kid]] }]);
    expect(call('res.partner', 'read', [[kid], ['name']])).toEqual([]);
  });

  test('when company_type is written, then is_company follows, and the reverse', () => {
    const id = call('res.partner', 'create', [{ name: 'Switch', company_type: 'company' }]) as number;
    const read = () => (call('res.partner', 'read', [[id], ['is_company', 'company_type']]) as unknown[])[0];
    expect(read()).toEqual({ id, is_company: true, company_type: 'company' });
    call('res.partner', 'write', [[id], { is_company: false }]);
    expect(read()).toEqual({ id, is_company: false, company_type: 'person' });
  });

  test('when a record referenced with ondelete restrict is unlinked, then the foreign key fault is raised', () => {
    const f = fault(() => call('product.product', 'unlink', [[1]]));
    expect(f.code).toBe(2);
    expect(f.message).toContain('Constraint: sale_order_line_product_id_fkey');
  });

  test('when a required field is left empty, then the NOT NULL fault names model and field', () => {
    const f = fault(() => call('res.partner.category', 'create', [{ color: 3 }]));
    expect(f.code).toBe(2);
    expect(f.message).toContain('Model: Partner Tags (res.partner.category)\nField: Name (name)');
  });

  test('when values have the wrong type, then Odoo’s conversion errors are raised', () => {
    expect(fault(() => call('res.partner', 'write', [[10], { customer_rank: 'abc' }])).message).toBe(
      "invalid literal for int() with base 10: 'abc'",
    );
    expect(
      fault(() => call('sale.order', 'write', [[1], { date_order: '2025-01-01T10:00:00' }])).message,
    ).toBe("time data '2025-01-01T10:00:00' does not match format '%Y-%m-%d %H:%M:%S'");
  });

  test('when a product variant is created alone, then its template is created with the shared values', () => {
    const id = call('product.product', 'create', [
      { name: 'Gadget', default_code: 'SKU-900', list_price: 5 },
    ]);
    const [variant] = call('product.product', 'read', [
      [id],
      ['display_name', 'product_tmpl_id', 'lst_price'],
    ]) as {
      product_tmpl_id: [number, string];
    }[];
    expect(variant).toMatchObject({ display_name: '[SKU-900] Gadget', lst_price: { value: 5 } });
    expect(
      call('product.template', 'read', [[variant!.product_tmpl_id[0]], ['product_variant_ids']]),
    ).toEqual([{ id: variant!.product_tmpl_id[0], product_variant_ids: [id] }]);
  });

  test('when a sales order gets lines, then prices default from the product and totals add up', () => {
    const id = call('sale.order', 'create', [
      {
        partner_id: 10,
        order_line: [
          [0, 0, { product_id: 1, product_uom_qty: 2 }],
          [0, 0, { product_id: 2, price_unit: 100, discount: 10 }],
        ],
      },
    ]) as number;
    const [order] = call('sale.order', 'read', [[id], ['name', 'amount_total', 'state']]) as Record<
      string,
      unknown
    >[];
    expect(order).toEqual({ id, name: 'S00006', amount_total: { value: 331 }, state: 'draft' });
    call('sale.order', 'action_confirm', [[id]]);
    expect(fault(() => call('sale.order', 'unlink', [[id]])).code).toBe(2);
  });

  test('when methods get unexpected arguments, then Python TypeErrors name the class that defines them (as recorded)', () => {
    expect(fault(() => call('res.partner', 'search', [[]], { count: true })).message).toBe(
      "BaseModel.search() got an unexpected keyword argument 'count'",
    );
    expect(fault(() => call('res.partner', 'write', [[10]])).message).toBe(
      "ResPartner.write() missing 1 required positional argument: 'vals'",
    );
  });
});
