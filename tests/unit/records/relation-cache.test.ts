import { RelationCache } from '../../../src/records/relation-cache';

describe('RelationCache', () => {
  test('when the TTL is 0, then nothing is kept', () => {
    const cache = new RelationCache(() => 0);
    cache.set('{}', 'res.country', 'code', 'BE', 20);
    expect(cache.enabled).toBe(false);
    expect(cache.get('{}', 'res.country', 'code', 'BE')).toBeUndefined();
  });

  test('when an entry is older than the TTL, then it is gone', () => {
    let now = 1000;
    const cache = new RelationCache(
      () => 500,
      () => now,
    );
    cache.set('{}', 'res.country', 'code', 'BE', 20);
    now = 1499;
    expect(cache.get('{}', 'res.country', 'code', 'BE')).toBe(20);
    now = 1500;
    expect(cache.get('{}', 'res.country', 'code', 'BE')).toBeUndefined();
  });

  test('when values differ only by type, then they are different entries', () => {
    const cache = new RelationCache(() => 60_000);
    cache.set('{}', 'product.product', 'barcode', '42', 7);
    expect(cache.get('{}', 'product.product', 'barcode', 42)).toBeUndefined();
    expect(cache.get('{}', 'product.product', 'barcode', '42')).toBe(7);
  });

  test('when the scope (endpoint context) differs, then one scope never gets the hits of another', () => {
    const cache = new RelationCache(() => 60_000);
    cache.set('{"allowed_company_ids":[1]}', 'res.partner', 'ref', 'C-1', 5);
    expect(cache.get('{"allowed_company_ids":[2]}', 'res.partner', 'ref', 'C-1')).toBeUndefined();
    expect(cache.get('{"allowed_company_ids":[1]}', 'res.partner', 'ref', 'C-1')).toBe(5);
  });
});
