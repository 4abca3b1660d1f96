import { REDACTED, redact, redactString } from '../../../src/logging/redact';
import { NotFoundError } from '../../../src/errors/errors';

describe('redact: values under secret-looking keys', () => {
  it('when keys name a secret in any case or spelling, then their values are replaced at any depth', () => {
    const input = {
      name: 'Alice',
      Password: 'p1',
      profile: { passwd: 'p2', client_secret: 's', API_KEY: 'k1', apiKey: 'k2', 'x-api-key': 'k3' },
      headers: { Authorization: 'Basic abc', 'set-cookie': ['a=b'], Cookie: 'c=d' },
      list: [{ access_token: 't1' }, { credentials: { user: 'u', pass: 'v' } }],
    };
    expect(redact(input)).toEqual({
      name: 'Alice',
      Password: REDACTED,
      profile: {
        passwd: REDACTED,
        client_secret: REDACTED,
        API_KEY: REDACTED,
        apiKey: REDACTED,
        'x-api-key': REDACTED,
      },
      headers: { Authorization: REDACTED, 'set-cookie': REDACTED, Cookie: REDACTED },
      list: [{ access_token: REDACTED }, { credentials: REDACTED }],
    });
  });

  it('when a secret key holds null or nothing, then it stays as is (there is nothing to hide)', () => {
    expect(redact({ password: null, token: undefined })).toEqual({ password: null, token: undefined });
  });

  it('when redacting, then the input object is left untouched', () => {
    const input = { password: 'p', nested: { token: 't' } };
    redact(input);
    expect(input).toEqual({ password: 'p', nested: { token: 't' } });
  });
});

describe('redact: credentials inside strings', () => {
  it.each([
    ['Authorization: Basic dXNlcjpwYXNz', 'Basic [REDACTED]', 'dXNlcjpwYXNz'],
    ['got bearer eyJhbGciOi.eyJzdWIi.sig_-x from client', 'bearer [REDACTED] from client', 'eyJhbGciOi'],
    [
      'connect https://admin:s3cr3t@odoo.example.com/xmlrpc/2/common',
      'https://[REDACTED]@odoo.example.com/xmlrpc',
      's3cr3t',
    ],
    ['/v1/customers?access_token=abc123&limit=5', 'access_token=[REDACTED]&limit=5', 'abc123'],
    ['{"password": "two words", "name": "x"}', '"password": "[REDACTED]", "name": "x"', 'two words'],
    ['{\\"api_key\\":\\"k-77 z\\"}', '\\"api_key\\":\\"[REDACTED]\\"', 'k-77'],
  ])('when a string holds a credential (%s), then it is replaced', (text, expected, secret) => {
    const out = redactString(text);
    expect(out).toContain(expected);
    expect(out).not.toContain(secret);
  });

  it('when a URL has no userinfo but an @ in its path, then it is left alone', () => {
    expect(redactString('see https://example.com/users/@alice')).toBe('see https://example.com/users/@alice');
  });

  it('when a string is huge, then it is cut and still redacted', () => {
    const out = redactString(`Bearer abcdef ${'x'.repeat(100_000)}`);
    expect(out.length).toBeLessThan(20_000);
    expect(out).toMatch(/^Bearer \[REDACTED\] x+…\[truncated\]$/);
  });

  it('when a string is crafted to make regexes backtrack, then redaction still takes little time', () => {
    const started = Date.now();
    redactString('token'.repeat(3_000));
    redactString('a.'.repeat(8_000));
    redactString(`password${'-'.repeat(16_000)}`);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('redact: shapes that are not plain data', () => {
  it('when an object refers to itself, then the cycle becomes "[Circular]"', () => {
    const node: Record<string, unknown> = { name: 'a' };
    node.self = node;
    node.children = [node];
    expect(redact(node)).toEqual({ name: 'a', self: '[Circular]', children: ['[Circular]'] });
  });

  it('when the same object is reached twice without a cycle, then it is logged twice', () => {
    const shared = { v: 1 };
    expect(redact({ a: shared, b: shared })).toEqual({ a: { v: 1 }, b: { v: 1 } });
  });

  it('when an Error is logged, then only its name, scrubbed message and own fields remain (no stack, no cause)', () => {
    const cause = new Error('Traceback (most recent call last): File "/opt/odoo/models.py"');
    const err = Object.assign(new Error('login failed for https://bot:pw@odoo.local', { cause }), {
      code: 'E1',
    });
    const out = redact({ err }) as { err: Record<string, unknown> };
    expect(out.err).toEqual({
      name: 'Error',
      message: 'login failed for https://[REDACTED]@odoo.local',
      code: 'E1',
    });
  });

  it('when a GatewayError is logged, then its status and code come along', () => {
    expect(redact(new NotFoundError('no record'))).toMatchObject({
      name: 'NotFoundError',
      message: 'no record',
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it('when values are binary, bigint, dates or URLs, then they become safe JSON-able values', () => {
    expect(
      redact({
        file: Buffer.from('secret bytes'),
        big: 10n ** 20n,
        at: new Date('2026-01-02T03:04:05Z'),
        odoo: new URL('https://u:p@odoo.local/x'),
        fn: () => 1,
      }),
    ).toEqual({
      file: '[Binary 12 bytes]',
      big: '100000000000000000000',
      at: '2026-01-02T03:04:05.000Z',
      odoo: 'https://[REDACTED]@odoo.local/x',
      fn: undefined,
    });
  });

  it('when a structure is very deep, then it is cut instead of walked to the bottom', () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 50; i += 1) deep = { next: deep };
    expect(JSON.stringify(redact(deep))).toContain('[Truncated]');
  });
});
