import { InvalidQueryError } from '../../../src/errors/errors';
import { parseListQueryParams, parseRecordQueryParams } from '../../../src/http/list-query-params';

function problemsOf(query: Record<string, unknown>): Array<{ line_id: string; error: string }> {
  try {
    parseListQueryParams(query);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidQueryError);
    return (error as InvalidQueryError).details as Array<{ line_id: string; error: string }>;
  }
  throw new Error('no InvalidQueryError');
}

describe('parseListQueryParams', () => {
  test('when nothing is given, then the defaults are left to the endpoint and there is no filter', () => {
    expect(parseListQueryParams({})).toEqual({ offset: 0, order: [], filters: [] });
  });

  test('when paging, order and fields are given, then they are typed', () => {
    expect(
      parseListQueryParams({ limit: '5', offset: '10', order: 'name, -ref', fields: 'name,ref,' }),
    ).toEqual({
      limit: 5,
      offset: 10,
      order: [
        { key: 'name', descending: false },
        { key: 'ref', descending: true },
      ],
      fields: ['name', 'ref'],
      filters: [],
    });
  });

  test('when a reserved parameter is repeated, then the last one counts', () => {
    expect(parseListQueryParams({ limit: ['5', '10'] }).limit).toBe(10);
  });

  test('when filters come as qs parsed them, then each operator is one filter with its values', () => {
    expect(
      parseListQueryParams({ name: 'Acme', price: { gt: '5', lte: '9' }, tag: ['a', 'b'], state: undefined })
        .filters,
    ).toEqual([
      { key: 'name', operator: 'eq', values: ['Acme'] },
      { key: 'price', operator: 'gt', values: ['5'] },
      { key: 'price', operator: 'lte', values: ['9'] },
      { key: 'tag', operator: 'eq', values: ['a', 'b'] },
      { key: 'state', operator: 'eq', values: [''] },
    ]);
  });

  test('when a negative limit or offset is given, then it is passed on for the endpoint to judge', () => {
    expect(parseListQueryParams({ limit: '-1', offset: '-3' })).toMatchObject({ limit: -1, offset: -3 });
  });

  test('when the shape of several parameters is wrong, then one 400 names every one', () => {
    expect(
      problemsOf({ limit: 'abc', offset: '2.5', order: { a: 'x' }, name: { like: { deeper: 'x' } } }),
    ).toEqual([
      { line_id: 'limit', error: 'must be a non-negative integer' },
      { line_id: 'offset', error: 'must be a non-negative integer' },
      { line_id: 'order', error: 'must be a single value' },
      { line_id: 'name', error: 'is not a filter (use key=v or key[op]=v)' },
    ]);
  });
});

describe('updated_since and fields on GET one', () => {
  test('when updated_since is given, then it is passed on as text and is not a filter', () => {
    expect(parseListQueryParams({ updated_since: '2026-01-31T10:15:00Z' })).toEqual({
      offset: 0,
      order: [],
      updatedSince: '2026-01-31T10:15:00Z',
      filters: [],
    });
  });

  test('when updated_since is nested, then it is a 400', () => {
    expect(problemsOf({ updated_since: { gt: 'x' } })).toEqual([
      { line_id: 'updated_since', error: 'must be a single value' },
    ]);
  });

  test('when GET one has fields, then they are a list of keys; without, undefined', () => {
    expect(parseRecordQueryParams({ fields: 'name, email' })).toEqual(['name', 'email']);
    expect(parseRecordQueryParams({})).toBeUndefined();
    expect(() => parseRecordQueryParams({ fields: { a: 'b' } })).toThrow(InvalidQueryError);
  });
});
