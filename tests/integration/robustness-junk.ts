/**
 * Seeded generators of bad input for the robustness tests: a small PRNG (no dependency, same run
 * every time) and JSON texts of every type and nesting. Bodies are built as JSON *text*, so that
 * tokens JSON.stringify cannot write (`1e309`, `-0`, duplicate keys, `\ud800`) reach the gateway too.
 */

export interface Rng {
  /** [0, 1) */
  next(): number;
  /** 0 … n-1 */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: tiny, fast, and good enough to spread test cases. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    chance: (p) => next() < p,
  };
}

/** Number tokens as JSON text: some are valid JSON that JavaScript cannot hold exactly. */
const NUMBER_TOKENS = [
  '0',
  '-0',
  '-0.0',
  '1',
  '-1',
  '42',
  '1.5',
  '1e309',
  '-1e309',
  '1e-400',
  '5e-324',
  '1E+2',
  '0e0',
  '9007199254740993',
  '123456789012345678901234567890',
  '-2147483649',
  '1.7976931348623157e308',
];

/** String contents (already JSON-escaped where needed). */
const STRING_TOKENS = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'null',
  'true',
  'undefined',
  '[object Object]',
  'C-1001',
  'BE',
  'ZZ',
  'EUR',
  '2026-02-30',
  '2026-11-29T10:15:00+14:00',
  '9999-99-99T99:99',
  'not-an-email',
  'a@b',
  'x@example.com',
  '\\u0000',
  '\\u0007bell',
  '\\ud800',
  '\\udfff\\ud800',
  '\\u2028\\u2029',
  '\\ufeff',
  'ünïcödé 名前 🚀👩‍👩‍👧 ‮rtl',
  "'; DROP TABLE res_partner; --",
  '<b>html</b>',
  '${SHOP_TOKEN}',
  '{{ name }}',
  '%s%n%x',
  '../../etc/passwd',
  '\\"quoted\\"',
  '\\\\back\\\\slash',
];

const ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  '',
  ' ',
  'id',
  'ID',
  'name ',
  'a.b',
  'a[b]',
  '$where',
  'ünï',
  '🚀',
  'x'.repeat(300),
];

export interface JunkOptions {
  /** The endpoint's own external keys (used often, so validation sees known keys with wrong values). */
  knownKeys: readonly string[];
  /** Nesting still allowed. */
  depth: number;
}

export function junkString(rng: Rng): string {
  const roll = rng.int(10);
  if (roll === 0) return JSON.stringify('ab'.repeat(rng.pick([1000, 20_000, 120_000])));
  if (roll === 1) return JSON.stringify(randomText(rng, 1 + rng.int(40)));
  return `"${rng.pick(STRING_TOKENS)}"`;
}

/** Random code points across the planes, printable or not, as a JS string (JSON.stringify escapes it). */
export function randomText(rng: Rng, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const plane = rng.int(5);
    const codePoint =
      plane === 0
        ? rng.int(0x80)
        : plane === 1
          ? 0x80 + rng.int(0x780)
          : plane === 2
            ? 0x800 + rng.int(0xd000)
            : plane === 3
              ? 0xe000 + rng.int(0x2000)
              : 0x10000 + rng.int(0x10000);
    text += String.fromCodePoint(codePoint);
  }
  return text;
}

/** One JSON value as text: any type, any nesting up to `depth`. */
export function junkJson(rng: Rng, options: JunkOptions): string {
  const roll = rng.int(options.depth > 0 ? 10 : 6);
  switch (roll) {
    case 0:
      return 'null';
    case 1:
      return rng.chance(0.5) ? 'true' : 'false';
    case 2:
      return rng.pick(NUMBER_TOKENS);
    case 3:
    case 4:
    case 5:
      return junkString(rng);
    case 6:
    case 7:
    case 8:
      return junkObject(rng, { ...options, depth: options.depth - 1 });
    default:
      return junkArray(rng, { ...options, depth: options.depth - 1 });
  }
}

export function junkObject(rng: Rng, options: JunkOptions): string {
  const size = rng.int(6);
  const members: string[] = [];
  for (let i = 0; i < size; i++) {
    const key =
      options.knownKeys.length > 0 && rng.chance(0.6)
        ? rng.pick(options.knownKeys)
        : rng.chance(0.7)
          ? rng.pick(ODD_KEYS)
          : randomText(rng, 1 + rng.int(8));
    members.push(`${JSON.stringify(key)}:${junkJson(rng, options)}`);
  }
  return `{${members.join(',')}}`;
}

export function junkArray(rng: Rng, options: JunkOptions): string {
  const size = rng.int(5);
  const items: string[] = [];
  for (let i = 0; i < size; i++) items.push(junkJson(rng, options));
  return `[${items.join(',')}]`;
}

/** `[[[…]]]` or `{"a":{"a":…}}` nested `levels` deep. */
export function deepJson(levels: number, kind: 'array' | 'object', key = 'a'): string {
  if (kind === 'array') return '['.repeat(levels) + ']'.repeat(levels);
  return `{"${key}":`.repeat(levels) + 'null' + '}'.repeat(levels);
}

/** Bodies that are not JSON at all, or JSON cut short. */
export const NOT_JSON_BODIES: readonly string[] = [
  '{"name": "x"',
  '{name: "x"}',
  "{'name': 'x'}",
  'NaN',
  'Infinity',
  'undefined',
  '{"a":1,}',
  '[1,2,]',
  '{"a":01}',
  '{"a":.5}',
  '{"a":+1}',
  '{"a":0x10}',
  '"unterminated',
  '{"a":"\\x41"}',
  '{"a":"tab\there"}',
  '// comment\n{}',
  '<?xml version="1.0"?><methodCall/>',
  'name=x&customer_id=C-1',
  '\u0000\u0001\u0002',
  '\ufeff{"name":"bom"}',
  '{}{}',
  '[] []',
  '   ',
  '',
];
