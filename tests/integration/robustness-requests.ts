/**
 * Seeded whole requests of bad input: methods, odd paths, query strings, headers, content types and
 * bodies (see robustness-bodies.ts), aimed at the configured endpoints so most requests get past the
 * router and authentication and reach validation.
 */
import { EndpointDef } from '../../src/config/types';
import { Rng, randomText } from './robustness-junk';
import { fuzzBody, nearValidBody } from './robustness-bodies';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[]>;
  body?: Buffer;
}

export interface FuzzTarget {
  endpoint: EndpointDef;
  /** The Authorization header that gets in, if the endpoint has auth. */
  authorization?: string;
}

const API = '/bj_api_sync/v1';
const METHODS = ['GET', 'GET', 'POST', 'POST', 'POST', 'PUT', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];

const ID_SEGMENTS = [
  '1',
  '0',
  '-1',
  '1.5',
  '1e3',
  '999999999999999999999999',
  'x'.repeat(5000),
  '%2F',
  'a%2Fb',
  '%2e%2e',
  '..',
  '.',
  '%00',
  'C-1001%00',
  '%',
  '%E0%A4%A',
  '%ZZ',
  '%C0%AF',
  'C-1001',
  'a%20b',
  '%F0%9F%9A%80',
  '%ED%A0%80',
  '__proto__',
  'constructor',
  'prototype',
  ';',
  '1;2',
  '1,2',
  '1%3F2',
  '%27%3B--',
];

const ODD_PATHS = [
  `${API}/`,
  API,
  `${API}//`,
  `${API}/nosuch`,
  `${API}/CUSTOMERS`,
  `${API}/customers/1/2`,
  `${API}/customers%2F1`,
  `${API}/..%2Fhealth`,
  `${API}/%2e%2e/%2e%2e/health`,
  `${API}/${'e'.repeat(3000)}`,
  `${API}/__proto__`,
  `${API}/constructor/1`,
  `${API}/%00`,
  `${API}/customers/`,
  `//bj_api_sync/v1/customers`,
  '/bj_api_sync/test-connection/..',
  '/nope',
  '/',
];

const LIMITS = ['-1', '0', '1', '1001', '1e3', 'abc', '99999999999', '1.5', '', '%201', '0x10', '%00'];
const ORDERS = [',,,-', '-', '--name', 'name,-name', 'nosuch', 'id', '-id', 'tags', 'contacts', '%20name%20'];
const MORE_ORDERS = ['name%20desc', 'name;drop', 'country', 'lines', '-customer_id,name', '__proto__'];
const FIELDS = ['', ',', 'id', 'nosuch', 'name,,name', '__proto__', 'tags,contacts', 'constructor'];
const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'in', 'nin', 'null'];
const ODD_OPERATORS = ['regex', '__proto__', 'constructor', 'toString', 'EQ', '', '0', 'in]', 'child_of'];
const VALUES = ['', 'x', '1', '-1', 'true', 'maybe', 'BE', 'ZZ', '1,2,,3', '%00', '%', '%ZZ', '+', '%FF'];
const MORE_VALUES = ['2026-02-30', '2026-11-29T10:15:00Z', 'NaN', '1e309', '%E2%80%AE', '[]', '{}', 'a,b'];

const CONTENT_TYPES = [
  'text/plain',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=utf-8',
  'application/json;charset="UTF-8"',
  'APPLICATION/JSON',
  'application/json; charset=utf-8; charset=utf-16',
  'application/json; charset=nope',
  'application/vnd.api+json',
  'application/merge-patch+json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json, text/plain',
  '*/*',
  'application/',
  ';;;',
  'application/xml',
];
const CONTENT_ENCODINGS = ['gzip', 'deflate', 'br', 'identity', 'x-junk', 'gzip, gzip'];
const REQUEST_IDS = ['req-123', 'x'.repeat(200), 'a b', 'caf\u00e9', '<script>', '', 'a,b', 'ok:1.2_3'];
const PREFERS = ['return=representation', 'return=minimal', 'junk;;;', 'return=representation, wait=999'];
const AUTH_JUNK = [
  'Bearer',
  'Bearer ',
  'Basic',
  'Basic !!!',
  `Basic ${Buffer.from('nocolon').toString('base64')}`,
  `Basic ${Buffer.from(':').toString('base64')}`,
  'Digest username="x"',
  'Bearer shop-secret-token extra',
  `Bearer ${'t'.repeat(6000)}`,
  'Bearer caf\u00e9',
  'Basic ====',
  'Negotiate',
];

export function fuzzRequest(rng: Rng, targets: readonly FuzzTarget[], serial: number): FuzzRequest {
  const target = rng.pick(targets);
  // Mostly methods the endpoint has, so most requests get past the 405 and reach validation.
  const method = rng.chance(0.8) ? rng.pick(target.endpoint.methods) : rng.pick(METHODS);
  const path = fuzzPath(rng, target, method) + fuzzQuery(rng, target);
  const headers: Record<string, string | string[]> = {};
  addAuth(rng, target, headers);
  addOddHeaders(rng, headers, serial);
  const wantsBody = method === 'POST' || method === 'PUT' ? rng.chance(0.95) : rng.chance(0.1);
  if (!wantsBody || method === 'HEAD') return { method, path, headers };
  const body = rng.chance(0.3) ? nearValidBody(rng, target, serial) : fuzzBody(rng, target);
  addContentHeaders(rng, headers);
  return { method, path, headers, body: encodeBody(rng, body, headers) };
}

function fuzzPath(rng: Rng, target: FuzzTarget, method: string): string {
  if (rng.chance(0.07)) return rng.pick(ODD_PATHS);
  const base = `${API}/${target.endpoint.name}`;
  if (rng.chance(0.55) || (method === 'POST' && rng.chance(0.8))) return base;
  if (rng.chance(0.7)) return `${base}/${rng.pick(ID_SEGMENTS)}`;
  return `${base}/${encodeURIComponent(randomText(rng, 1 + rng.int(12)))}`;
}

function fuzzQuery(rng: Rng, target: FuzzTarget): string {
  if (rng.chance(0.35)) return '';
  const keys = target.endpoint.fields.map((line) => line.key);
  const pairs: string[] = [];
  const count = 1 + rng.int(4);
  for (let i = 0; i < count; i++) pairs.push(queryPair(rng, keys));
  return `?${pairs.join('&')}`;
}

function queryPair(rng: Rng, keys: readonly string[]): string {
  const key = keys.length > 0 && rng.chance(0.8) ? rng.pick(keys) : rng.pick(['id', 'x', '__proto__', '']);
  const value = (): string => (rng.chance(0.8) ? rng.pick(VALUES) : rng.pick(MORE_VALUES));
  switch (rng.int(14)) {
    case 0:
      return `limit=${rng.pick(LIMITS)}`;
    case 1:
      return `offset=${rng.pick(LIMITS)}`;
    case 2:
      return `order=${rng.chance(0.6) ? rng.pick(ORDERS) : rng.pick(MORE_ORDERS)}`;
    case 3:
      return `fields=${rng.pick(FIELDS)}`;
    case 4:
      return `${key}[]=1&${key}[]=2`;
    case 5:
      return `${key}[b][c]=1`;
    case 6:
      return `${key}[0]=a&${key}[1][b]=c`;
    case 7:
      return `${rng.pick(['limit', 'offset', 'order', 'fields', 'atomic'])}[${rng.pick(['0', 'a', ''])}]=${value()}`;
    case 8:
      return `${key}=${'v'.repeat(rng.pick([100, 3000, 6000]))}`;
    case 9:
      return `${rng.pick(['__proto__[x]', 'constructor[prototype][x]', '__proto__', 'hasOwnProperty'])}=1`;
    case 10:
      return `${key}[${rng.pick(ODD_OPERATORS)}]=${value()}`;
    case 11:
      return `atomic=${value()}`;
    case 12:
      return `${encodeURIComponent(randomText(rng, 1 + rng.int(6)))}=${encodeURIComponent(randomText(rng, rng.int(6)))}`;
    default:
      return `${key}[${rng.pick(OPERATORS)}]=${value()}`;
  }
}

function addAuth(rng: Rng, target: FuzzTarget, headers: Record<string, string | string[]>): void {
  const roll = rng.next();
  if (roll < 0.82) {
    if (target.authorization) headers.Authorization = target.authorization;
  } else if (roll < 0.9) {
    headers.Authorization = rng.pick(AUTH_JUNK);
  } else if (roll < 0.93 && target.authorization) {
    headers.Authorization = [target.authorization, rng.pick(AUTH_JUNK)];
  }
}

function addOddHeaders(rng: Rng, headers: Record<string, string | string[]>, serial: number): void {
  if (rng.chance(0.2)) headers['X-Request-ID'] = rng.pick(REQUEST_IDS);
  if (rng.chance(0.05)) headers['X-Request-ID'] = [`dup-${serial}`, 'dup-b'];
  if (rng.chance(0.15)) headers['Idempotency-Key'] = idempotencyKey(rng, serial);
  if (rng.chance(0.1)) headers.Prefer = rng.pick(PREFERS);
  if (rng.chance(0.05)) headers['X-API-Version'] = rng.pick(['1', '999', 'caf\u00e9', '']);
  if (rng.chance(0.05)) headers.Accept = rng.pick(['text/html', 'application/xml', '*/*;q=0', '']);
}

function idempotencyKey(rng: Rng, serial: number): string | string[] {
  switch (rng.int(6)) {
    case 0:
      return '';
    case 1:
      return 'k'.repeat(rng.pick([255, 256, 5000]));
    case 2:
      return 'caf\u00e9 key';
    case 3:
      return ['key-a', 'key-b'];
    case 4:
      return `"quoted-${rng.int(5)}"`; // reused with other bodies: 422 mismatches
    default:
      return `key-${serial % 7}`;
  }
}

function addContentHeaders(rng: Rng, headers: Record<string, string | string[]>): void {
  const roll = rng.next();
  if (roll < 0.7) headers['Content-Type'] = 'application/json';
  else if (roll < 0.93) headers['Content-Type'] = rng.pick(CONTENT_TYPES);
  if (rng.chance(0.04)) headers['Content-Encoding'] = rng.pick(CONTENT_ENCODINGS);
}

/** Mostly UTF-8; sometimes bytes that do not match the declared charset. */
function encodeBody(rng: Rng, text: string, headers: Record<string, string | string[]>): Buffer {
  const roll = rng.next();
  if (roll < 0.9) return Buffer.from(text, 'utf8');
  if (roll < 0.95) return Buffer.from(text, 'latin1');
  if (roll < 0.98) return Buffer.from(text, 'utf16le');
  headers['Content-Type'] = 'application/json; charset=utf-16';
  return Buffer.from(text, 'utf8');
}
