import { fromOdooValue, isRealDate, isoToOdooDatetime, toOdooValue } from '../../../src/mapping/odoo-values';

describe('dates and datetimes on the wire', () => {
  test.each([
    ['2026-11-29T10:15:00Z', '2026-11-29 10:15:00'],
    ['2026-11-29T10:15:00+01:00', '2026-11-29 09:15:00'],
    ['2026-11-29T10:15:00.123-0230', '2026-11-29 12:45:00'],
    ['2026-11-29 10:15', '2026-11-29 10:15:00'],
    ['2024-02-29T23:59:59Z', '2024-02-29 23:59:59'],
  ])('when %s is written, then Odoo gets %s (UTC)', (iso, odoo) => {
    expect(isoToOdooDatetime(iso)).toBe(odoo);
  });

  test.each([
    '2026-02-31T10:00:00Z',
    '2026-13-45T99:99:00Z',
    '2025-02-29T00:00:00Z',
    '2026-11-29T24:00:00Z',
    'tomorrow',
    '2026-11-29',
  ])('when %s is not a real moment, then it is refused rather than rolled over', (text) => {
    expect(isoToOdooDatetime(text)).toBeUndefined();
  });

  test('when a date does not exist in the calendar, then it is not a date', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-04-31')).toBe(false);
  });

  test('when Odoo sends false, then the API shows null, except for booleans and lists', () => {
    expect(fromOdooValue(false, { type: 'char' })).toBeNull();
    expect(fromOdooValue(false, { type: 'boolean' })).toBe(false);
    expect(fromOdooValue(false, { type: 'many2many' })).toEqual([]);
    expect(fromOdooValue('2026-11-29 10:15:00', { type: 'datetime' })).toBe('2026-11-29T10:15:00Z');
    expect(fromOdooValue([20, 'Belgium'], { type: 'many2one' })).toBe(20);
  });

  test('when null is written, then Odoo gets false, or an empty set for x2many', () => {
    expect(toOdooValue(null, { type: 'char' }, 'replace')).toBe(false);
    expect(toOdooValue(null, { type: 'many2many' }, 'replace')).toEqual([[6, 0, []]]);
    expect(toOdooValue([3, 4], { type: 'many2many' }, 'add')).toEqual([
      [4, 3],
      [4, 4],
    ]);
  });
});
