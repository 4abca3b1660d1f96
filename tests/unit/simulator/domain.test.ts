import { OdooFault } from '../../../src/simulator/orm/faults';
import { Orm } from '../../../src/simulator/orm/orm';
import { searchIds } from '../../../src/simulator/orm/search';
import { createRecords } from '../../../src/simulator/orm/write';
import { buildRegistry } from '../../../src/simulator/models';
import { buildSeededStore } from '../../../src/simulator/seed';

const registry = buildRegistry();
let orm: Orm;
const ids = { acme: 0, alice: 0, bob: 0, carol: 0, sub: 0 };

function search(domain: unknown[], order: string | null = 'id'): number[] {
  return searchIds(orm, orm.model('res.partner'), domain, { offset: 0, limit: null, order }).filter(
    (id) => id >= 100,
  );
}

beforeEach(() => {
  const store = buildSeededStore(registry, 'base', [{ login: 'admin', uid: 2 }]);
  orm = new Orm(registry, store, 2, () => Date.UTC(2025, 5, 1));
  const partners = orm.model('res.partner');
  const [vip, retail] = createRecords(orm, orm.model('res.partner.category'), [
    { name: 'VIP' },
    { name: 'Retail' },
  ]);
  const make = (vals: Record<string, unknown>) => createRecords(orm, partners, [vals])[0]!;
  ids.acme = make({
    name: 'Acme',
    is_company: true,
    ref: 'A-1',
    country_id: 20,
    category_id: [[6, 0, [vip]]],
  });
  ids.alice = make({ name: 'Alice', parent_id: ids.acme, email: 'alice@acme.test', customer_rank: 3 });
  ids.bob = make({ name: 'bob_smith', ref: 'B-2', country_id: 75, category_id: [[6, 0, [retail, vip]]] });
  ids.carol = make({ name: 'Carol', ref: '', customer_rank: 1, active: false });
  ids.sub = make({ name: 'Sub', parent_id: ids.alice });
});

describe('domain evaluation', () => {
  test('when leaves are listed without operators, then they are ANDed', () => {
    expect(
      search([
        ['is_company', '=', false],
        ['ref', '!=', false],
      ]),
    ).toEqual([ids.bob]);
  });

  test('when prefix operators are used, then & | ! combine the following terms', () => {
    expect(search(['|', ['ref', '=', 'A-1'], ['ref', '=', 'B-2']])).toEqual([ids.acme, ids.bob]);
    expect(search(['!', ['name', 'ilike', 'a']])).toEqual([ids.bob, ids.sub]);
    expect(search(['&', '|', ['name', '=', 'Acme'], ['name', '=', 'Alice'], ['email', '!=', false]])).toEqual(
      [ids.alice],
    );
  });

  test('when equality compares to false, then empty values (NULL and empty strings) match', () => {
    expect(search([['ref', '=', false]])).toEqual([ids.alice, ids.sub]);
    expect(
      search([
        ['ref', '=', false],
        ['active', 'in', [true, false]],
      ]),
    ).toEqual([ids.alice, ids.carol, ids.sub]);
  });

  test('when != or not in compare to a value, then records without a value also match (SQL NULL rules)', () => {
    expect(search([['ref', '!=', 'A-1']])).toEqual([ids.alice, ids.bob, ids.sub]);
    expect(search([['email', 'not in', ['alice@acme.test']]])).toEqual([ids.acme, ids.bob, ids.sub]);
    expect(search([['country_id', 'not in', [75]]])).toEqual([ids.acme, ids.alice, ids.sub]);
  });

  test('when ordering operators compare numbers, then empty values never match', () => {
    expect(search([['customer_rank', '>', 0]])).toEqual([ids.alice]);
    expect(search([['customer_rank', '>=', 0]])).toEqual([ids.acme, ids.alice, ids.bob, ids.sub]);
    expect(search([['customer_rank', '<', 1]])).toEqual([ids.acme, ids.bob, ids.sub]);
    expect(
      search([
        ['customer_rank', '<=', 3],
        ['customer_rank', '>=', 3],
      ]),
    ).toEqual([ids.alice]);
  });

  test('when like operators are used, then like is case-sensitive, ilike is not, =like takes raw patterns', () => {
    expect(search([['name', 'like', 'Al']])).toEqual([ids.alice]);
    expect(search([['name', 'like', 'al']])).toEqual([]);
    expect(search([['name', 'ilike', 'AL']])).toEqual([ids.alice]);
    expect(search([['name', '=like', 'bob\\_%']])).toEqual([ids.bob]);
    expect(search([['name', '=ilike', 'ACME']])).toEqual([ids.acme]);
    expect(search([['email', 'not ilike', 'acme']])).toEqual([ids.acme, ids.bob, ids.sub]);
    expect(search([['name', 'not like', 'b']])).toEqual([ids.acme, ids.alice]);
  });

  test('when =? gets false, then the leaf is ignored; otherwise it is an equality', () => {
    expect(search([['ref', '=?', false]])).toHaveLength(4);
    expect(search([['ref', '=?', 'B-2']])).toEqual([ids.bob]);
  });

  test('when a contact is created under a company, then it takes the company address', () => {
    expect(orm.store.get('res.partner', ids.alice)!.country_id).toBe(20);
    expect(orm.store.get('res.partner', ids.sub)!.country_id).toBe(20);
  });

  test('when a dotted path crosses a many2one or an x2many, then any related record may match', () => {
    expect(search([['country_id.code', '=', 'FR']])).toEqual([ids.bob]);
    expect(search([['parent_id.is_company', '=', true]])).toEqual([ids.alice]);
    expect(search([['category_id.name', '=', 'Retail']])).toEqual([ids.bob]);
    expect(search([['child_ids.email', 'ilike', 'alice']])).toEqual([ids.acme]);
  });

  test('when a many2one or x2many is compared to text, then the related record names are searched', () => {
    expect(search([['country_id', 'ilike', 'belg']])).toEqual([ids.acme, ids.alice, ids.sub]);
    expect(search([['country_id', '=', 'France']])).toEqual([ids.bob]);
    expect(search([['category_id', 'ilike', 'ret']])).toEqual([ids.bob]);
    expect(search([['category_id', 'not ilike', 'ret']])).toEqual([ids.acme, ids.alice, ids.sub]);
  });

  test('when an x2many is compared to ids or false, then any-match and emptiness apply', () => {
    const vip = orm.store.get('res.partner', ids.acme)!.category_id as number[];
    expect(search([['category_id', 'in', vip]])).toEqual([ids.acme, ids.bob]);
    expect(search([['category_id', '=', false]])).toEqual([ids.alice, ids.sub]);
    expect(search([['child_ids', '!=', false]])).toEqual([ids.acme, ids.alice]);
  });

  test('when child_of or parent_of is used, then the hierarchy through parent_id is followed', () => {
    expect(search([['id', 'child_of', ids.acme]])).toEqual([ids.acme, ids.alice, ids.sub]);
    expect(search([['id', 'parent_of', [ids.sub]]])).toEqual([ids.acme, ids.alice, ids.sub]);
    expect(search([['parent_id', 'child_of', ids.acme]])).toEqual([ids.alice, ids.sub]);
  });

  test('when the domain names active, then archived records are no longer filtered out', () => {
    expect(search([['name', '=', 'Carol']])).toEqual([]);
    expect(search([['active', '=', false]])).toEqual([ids.carol]);
    expect(
      searchIds(orm.withContext({ active_test: false }), orm.model('res.partner'), [['name', '=', 'Carol']], {
        offset: 0,
        limit: null,
        order: null,
      }),
    ).toEqual([ids.carol]);
  });

  test('when any / not any get a subdomain, then it is evaluated on related records', () => {
    expect(search([['parent_id', 'any', [['name', '=', 'Acme']]]])).toEqual([ids.alice]);
    expect(search([['category_id', 'not any', [['name', '=', 'VIP']]]])).toEqual([ids.alice, ids.sub]);
  });

  test('when true and false leaves are used, then they match everything and nothing', () => {
    expect(search([[1, '=', 1]])).toHaveLength(4);
    expect(search(['|', [0, '=', 1], ['ref', '=', 'A-1']])).toEqual([ids.acme]);
  });

  test('when an order is given, then several keys and directions apply with NULLs last ascending', () => {
    expect(search([], 'ref desc, id asc')).toEqual([ids.alice, ids.sub, ids.bob, ids.acme]);
    expect(search([], 'ref asc, name desc')).toEqual([ids.acme, ids.bob, ids.sub, ids.alice]);
    // many2one order follows the related record's name: Belgium before France.
    expect(search([], 'country_id, id desc')).toEqual([ids.sub, ids.alice, ids.acme, ids.bob]);
  });

  test.each([
    [
      [['no_such_field', '=', 1]],
      "Invalid field res.partner.no_such_field in leaf ('no_such_field', '=', 1)",
    ],
    [[['name', '~~', 1]], "Invalid leaf ('name', '~~', 1)"],
    [['|', ['name', '=', 'x']], 'Invalid domain'],
    [[['name', '=']], "Invalid leaf ['name', '=']"],
  ])('when the domain is %j, then a ValueError is raised', (domain, message) => {
    let fault: unknown;
    try {
      search(domain);
    } catch (err) {
      fault = err;
    }
    expect(fault).toBeInstanceOf(OdooFault);
    expect((fault as OdooFault).code).toBe(1);
    expect((fault as OdooFault).message).toContain(message);
  });

  test('when the order names an unknown field or is malformed, then a ValueError is raised', () => {
    expect(() => search([], 'nope desc')).toThrow("Invalid field 'nope' on model 'res.partner'");
    expect(() => search([], 'name; drop table')).toThrow('Invalid "order" specified');
  });
});
