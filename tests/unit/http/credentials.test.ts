import crypto, { createHash } from 'node:crypto';
import {
  createTokenMatcher,
  createUserMatcher,
  credentialDigest,
  parseBasicAuthorization,
  parseBearerAuthorization,
} from '../../../src/http/credentials';

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

describe('createTokenMatcher', () => {
  it('when the token is one of the plain tokens, then it matches; a near miss does not', () => {
    const matches = createTokenMatcher(['alpha-token', 'beta-token']);
    expect(matches('beta-token')).toBe(true);
    expect(matches('beta-toke')).toBe(false);
    expect(matches('beta-token ')).toBe(false);
    expect(matches('BETA-TOKEN')).toBe(false);
  });

  it('when a token is configured as sha256:<hex> (any case), then the token hashing to it matches', () => {
    const matches = createTokenMatcher([`sha256:${sha256Hex('s3cret').toUpperCase()}`]);
    expect(matches('s3cret')).toBe(true);
    expect(matches(`sha256:${sha256Hex('s3cret')}`)).toBe(false);
  });

  it('when a configured token is empty (unset env variable), then no token, not even "", matches it', () => {
    const matches = createTokenMatcher(['']);
    expect(matches('')).toBe(false);
    expect(matches('anything')).toBe(false);
  });

  it('when the first token matches, then the others are still compared (no early exit)', () => {
    const matches = createTokenMatcher(['one', 'two', 'three']);
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    try {
      expect(matches('one')).toBe(true);
      expect(spy).toHaveBeenCalledTimes(3);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('createUserMatcher', () => {
  const users = [
    { username: 'shop', password: 'pa:ss:word' },
    { username: 'erp', password: `sha256:${sha256Hex('erp-pw')}` },
    { username: 'ghost', password: '' },
  ];
  const match = createUserMatcher(users);

  it('when username and password are right, then the username is returned', () => {
    expect(match('shop', 'pa:ss:word')).toBe('shop');
    expect(match('erp', 'erp-pw')).toBe('erp');
  });

  it("when the password is wrong, or is another user's, or the username differs in case, then nothing matches", () => {
    expect(match('shop', 'pa:ss')).toBeUndefined();
    expect(match('shop', 'erp-pw')).toBeUndefined();
    expect(match('Shop', 'pa:ss:word')).toBeUndefined();
  });

  it('when a user has an empty configured password, then the empty password does not let them in', () => {
    expect(match('ghost', '')).toBeUndefined();
  });

  it('when checking, then every user is compared (username and password), whatever matched', () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    try {
      match('shop', 'pa:ss:word');
      expect(spy).toHaveBeenCalledTimes(users.length * 2);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('credentialDigest', () => {
  it('when given a plain value or its sha256 form, then both give the same 32-byte digest', () => {
    const plain = credentialDigest('x');
    expect(plain?.length).toBe(32);
    expect(credentialDigest(`sha256:${sha256Hex('x')}`)?.equals(plain as Buffer)).toBe(true);
  });

  it('when a value only looks like a hash (wrong length), then it is taken as a plain secret', () => {
    expect(credentialDigest('sha256:abc')?.equals(createHash('sha256').update('sha256:abc').digest())).toBe(
      true,
    );
  });
});

describe('parseBasicAuthorization', () => {
  const header = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

  it('when the password holds colons, then only the first colon splits user from password', () => {
    expect(parseBasicAuthorization(header('shop:pa:ss'))).toEqual({ username: 'shop', password: 'pa:ss' });
  });

  it('when the scheme is written in another case, then it is still Basic', () => {
    expect(parseBasicAuthorization(`bASIC ${Buffer.from('a:b').toString('base64')}`)).toEqual({
      username: 'a',
      password: 'b',
    });
  });

  it.each([undefined, 'Bearer abc', header('no-colon'), 'Basic !!!', 'Basic'])(
    'when the header is %p, then there are no credentials',
    (value) => {
      expect(parseBasicAuthorization(value)).toBeUndefined();
    },
  );
});

describe('parseBearerAuthorization', () => {
  it('when the scheme is in any case and followed by several spaces, then the token is what follows them', () => {
    expect(parseBearerAuthorization('bearer   abc.def-1')).toBe('abc.def-1');
  });

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Bearer two words', 'Basic abc', 'Bearerabc'])(
    'when the header is %p, then there is no token',
    (value) => {
      expect(parseBearerAuthorization(value)).toBeUndefined();
    },
  );
});
