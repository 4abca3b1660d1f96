import { buildRegistry } from '../../../src/simulator/models';
import { OdooFault } from '../../../src/simulator/orm/faults';
import { Orm } from '../../../src/simulator/orm/orm';
import { webRead, webSearchRead } from '../../../src/simulator/orm/web-read';
import { buildSeededStore } from '../../../src/simulator/seed';

const registry = buildRegistry();
const orm = new Orm(registry, buildSeededStore(registry, 'demo', [{ login: 'admin', uid: 2 }]), 2, () => 0);
const partner = registry.get('res.partner')!;
const companies = [['is_company', '=', true]];
const page = (offset: number, limit: number | null, countLimit: number | null = null) =>
  webSearchRead(orm, partner, {
    domain: companies,
    specification: { name: {} },
    offset,
    limit,
    order: 'id',
    count_limit: countLimit,
  });

describe("web_search_read's length (Odoo's _format_web_search_read_results)", () => {
  test('when the page is full, then length is the exact count of matching records', () => {
    expect(page(0, 3)).toMatchObject({ length: 11 });
    expect(page(0, 3).records).toHaveLength(3);
  });

  test('when the page is not full, then length is offset + records, without counting', () => {
    expect(page(9, 5)).toMatchObject({ length: 11 });
    expect(page(9, 5).records).toHaveLength(2);
    expect(page(0, null)).toMatchObject({ length: 11 });
  });

  test('when the page is empty, then length is 0 even past the end', () => {
    expect(page(50, 5)).toEqual({ length: 0, records: [] });
  });

  test('when count_limit is reached by the page itself, then no count is made; else the count stops there', () => {
    expect(page(0, 3, 2)).toMatchObject({ length: 3 });
    expect(page(0, 3, 5)).toMatchObject({ length: 5 });
  });
});

describe('web_read specifications', () => {
  // The first demo company (after "My Company"): Azure Interior, in Belgium, with two contacts.
  const id = (page(1, 1).records[0] as { id: number }).id;

  test('when a many2one is asked with {} or with fields, then it is the bare id or an {id, ...} object', () => {
    expect(webRead(orm, partner, [id], { country_id: {} })).toEqual([{ id, country_id: 20 }]);
    const [nested] = webRead(orm, partner, [id], { country_id: { fields: { code: {}, display_name: {} } } });
    expect(nested!.country_id).toEqual({ id: 20, code: 'BE', display_name: 'Belgium' });
  });

  test('when an x2many is asked with fields, a limit and an order, then it is a list of objects in that order', () => {
    const all = webRead(orm, partner, [id], { child_ids: { fields: { name: {} } } })[0]!
      .child_ids as unknown[];
    expect(all).toHaveLength(2);
    const [limited] = webRead(orm, partner, [id], {
      child_ids: { fields: { name: {} }, order: 'name desc', limit: 1 },
    });
    const names = (all as Array<{ name: string }>).map((c) => c.name).sort();
    expect(limited!.child_ids).toEqual([{ id: expect.any(Number), name: names[1] }]);
  });

  test('when a dotted path or a missing id is asked, then ValueError and MissingError like Odoo', () => {
    expect(() => webRead(orm, partner, [id], { 'country_id.code': {} })).toThrow(
      "Invalid field 'country_id.code' on model 'res.partner'",
    );
    try {
      webRead(orm, partner, [id, 999999], { name: {} });
      throw new Error('expected a MissingError');
    } catch (err) {
      expect((err as OdooFault).exception).toBe('odoo.exceptions.MissingError');
    }
  });
});
