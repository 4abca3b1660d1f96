import { InvalidQueryError } from '../../../src/errors/errors';
import { ListQuery, recordKeys, toListSearch } from '../../../src/mapping/list-query';
import { endpoint, line } from '../../support/gateway-config-builder';
import { catalog } from './web-read-fixtures';

const partners = endpoint(
  'partners',
  'res.partner',
  [
    line('name'),
    line('is_company'),
    line('country', {
      field: 'country_id',
      relation: { model: 'res.country', match: 'code', createMissing: false },
    }),
    line('country_name', { field: 'country_id.name', direction: 'out' }),
    line('tags', { field: 'category_id' }),
  ],
  { domain: [['customer_rank', '>', 0]], pageSize: 20, maxPageSize: 50 },
);

const query = (overrides: Partial<ListQuery>): ListQuery => ({
  offset: 0,
  order: [],
  filters: [],
  ...overrides,
});

describe('toListSearch', () => {
  test('when filters are typed by their Odoo field, then the domain ANDs them with the endpoint domain', () => {
    const search = toListSearch(
      partners,
      query({
        filters: [
          { key: 'is_company', operator: 'eq', values: ['true'] },
          { key: 'country', operator: 'in', values: ['BE,FR'] },
          { key: 'country', operator: 'null', values: ['false'] },
        ],
      }),
      catalog,
    );
    expect(search).toEqual({
      domain: [
        ['customer_rank', '>', 0],
        ['is_company', '=', true],
        ['country_id.code', 'in', ['BE', 'FR']],
        ['country_id', '!=', false],
      ],
      limit: 20,
      offset: 0,
      order: undefined,
      keys: undefined,
    });
  });

  test('when an order is given, then it is in Odoo fields with the id last for stable pages', () => {
    const search = toListSearch(partners, query({ order: [{ key: 'name', descending: true }] }), catalog);
    expect(search.order).toBe('name desc, id asc');
  });

  test('when several keys are wrong, then one 400 names every one and nothing is searched', () => {
    let thrown: unknown;
    try {
      toListSearch(
        partners,
        query({
          limit: 0,
          offset: -1,
          order: [
            { key: 'tags', descending: false },
            { key: 'country_name', descending: false },
          ],
          fields: ['nope'],
          filters: [
            { key: 'is_company', operator: 'eq', values: ['yes'] },
            { key: 'name', operator: 'regex', values: ['x'] },
          ],
        }),
        catalog,
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidQueryError);
    expect((thrown as InvalidQueryError).details).toEqual([
      { line_id: 'limit', error: 'must be between 1 and 50' },
      { line_id: 'offset', error: 'must be a non-negative integer' },
      { line_id: 'tags', error: 'cannot sort by this key' },
      { line_id: 'country_name', error: 'cannot sort by this key' },
      { line_id: 'nope', error: 'is not a readable key of this endpoint' },
      { line_id: 'is_company', error: 'must be true or false' },
      { line_id: 'name', error: expect.stringContaining('unknown operator "regex"') },
    ]);
  });

  test('when updated_since is given, then the domain keeps records changed at or after it, in id order', () => {
    const search = toListSearch(
      partners,
      query({
        updatedSince: '2026-01-31T11:15:00+01:00',
        filters: [{ key: 'is_company', operator: 'eq', values: ['true'] }],
      }),
      catalog,
    );
    expect(search.domain).toEqual([
      ['customer_rank', '>', 0],
      ['write_date', '>=', '2026-01-31 10:15:00'],
      ['is_company', '=', true],
    ]);
    expect(search.order).toBe('id asc');
  });

  test('when updated_since comes with an order, then the order asked for is kept', () => {
    const search = toListSearch(
      partners,
      query({ updatedSince: '2026-01-31T10:15:00Z', order: [{ key: 'name', descending: false }] }),
      catalog,
    );
    expect(search.order).toBe('name asc, id asc');
  });

  test.each(['yesterday', '2026-02-30T10:00:00Z', '2026-01-31T25:00:00Z', ''])(
    'when updated_since is %p, then it is a 400 naming updated_since',
    (text) => {
      expect(() => toListSearch(partners, query({ updatedSince: text }), catalog)).toThrow(
        expect.objectContaining({
          status: 400,
          details: [{ line_id: 'updated_since', error: expect.stringContaining('ISO 8601') }],
        }),
      );
    },
  );
});

describe('recordKeys', () => {
  test('when fields of GET one name readable keys, then they are the keys to render', () => {
    expect(recordKeys(partners, ['name', 'country'])).toEqual(new Set(['name', 'country']));
  });

  test('when fields of GET one name an unknown key or none, then it is a 400', () => {
    expect(() => recordKeys(partners, ['name', 'nope'])).toThrow(InvalidQueryError);
    expect(() => recordKeys(partners, [])).toThrow(InvalidQueryError);
  });
});
