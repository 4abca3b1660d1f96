import { parseIdempotencyKey, requestFingerprint, scopedKey } from '../../../src/idempotency/fingerprint';

const base = {
  idempotencyKey: 'k-1',
  authorization: 'Bearer a',
  method: 'POST',
  path: '/bj_api_sync/v1/partners',
};

describe('Idempotency-Key names', () => {
  test('when two clients use the same key, then their scoped keys differ and hold no credential', () => {
    const a = scopedKey(base);
    const b = scopedKey({ ...base, authorization: 'Bearer b' });
    expect(a).not.toBe(b);
    expect(a).not.toContain('Bearer');
    expect(scopedKey({ ...base, method: 'PUT' })).not.toBe(a);
  });

  test('when a body only reorders its keys, then the fingerprint is the same; another value changes it', () => {
    const one = requestFingerprint({ a: 1, b: { c: 2, d: 3 } }, {}, undefined);
    expect(requestFingerprint({ b: { d: 3, c: 2 }, a: 1 }, {}, undefined)).toBe(one);
    expect(requestFingerprint({ a: 2, b: { c: 2, d: 3 } }, {}, undefined)).not.toBe(one);
    expect(requestFingerprint({ a: 1, b: { c: 2, d: 3 } }, { atomic: 'true' }, undefined)).not.toBe(one);
  });

  test('when a key is quoted, too long or holds control characters, then it is read or refused as the draft says', () => {
    expect(parseIdempotencyKey('"8e03978e-40d5"')).toBe('8e03978e-40d5');
    expect(parseIdempotencyKey('x'.repeat(255))).toBe('x'.repeat(255));
    expect(parseIdempotencyKey('x'.repeat(256))).toBeUndefined();
    expect(parseIdempotencyKey('')).toBeUndefined();
    expect(parseIdempotencyKey('a\u0001b')).toBeUndefined();
  });
});
