/**
 * Replays one recorded HTTP exchange (odoo-18.0-session.json, odoo-19.0-json2.json) against the
 * simulator: the recorded method, path, headers that matter and body go over a raw HTTP request,
 * with the `<session>` and `<api-key>` placeholders replaced by live values; the answer is compared
 * on status, key headers and body bytes (datetimes, which carry the recording time, aside).
 */
import fs from 'node:fs';
import type http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { startSimulator, type OdooVersion, type RunningSimulator } from '../../src/simulator';
import { rawRequest } from './transcript-helpers';

/** The demo user's API key (the recordings' `key: "demo"` cases). */
export const DEMO_KEY = 'de70de70de70de70de70de70de70de70de70de70';

/** What the recording servers were: several databases, contacts + demo data, admin and demo users. */
export function recordingSimulator(version: OdooVersion, db: string): Promise<RunningSimulator> {
  return startSimulator({
    version,
    seed: 'contacts-demo',
    db,
    multiDb: true,
    users: [
      { login: 'admin', password: 'admin', uid: 2 },
      { login: 'demo', password: 'demo', uid: 6, apiKey: DEMO_KEY },
    ],
  });
}

export interface RecordedCase {
  name: string;
  protocol: string;
  http_method: string;
  path: string;
  key?: string | null;
  request_headers: Record<string, string>;
  request_body: string;
  http_status: number;
  response_headers: Record<string, string | string[] | null>;
  response_body: string | null;
  note: string;
}

export function loadRecorded(file: string): RecordedCase[] {
  const full = path.resolve(__dirname, '../fixtures/odoo-transcripts', file);
  return (JSON.parse(fs.readFileSync(full, 'utf8')) as { cases: RecordedCase[] }).cases;
}

export interface LiveValues {
  session?: string;
  apiKey?: string;
}

/** The request headers a server looks at (Host, Content-Length and Accept-Encoding are re-made). */
const SENT_HEADERS = ['Content-Type', 'Authorization', 'X-Odoo-Database', 'Cookie'];

export function requestOf(
  c: RecordedCase,
  live: LiveValues,
): { headers: Record<string, string>; body: string } {
  const fill = (text: string) =>
    text.replace(/<session>/g, live.session ?? '').replace(/<api-key>/g, live.apiKey ?? '');
  const headers: Record<string, string> = {};
  for (const name of SENT_HEADERS) {
    const value = c.request_headers[name];
    if (value === undefined) continue;
    if (value.includes('<session>') && live.session === undefined) continue;
    headers[name] = fill(value);
  }
  return { headers, body: fill(c.request_body) };
}

export type LiveResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function send(baseUrl: string, c: RecordedCase, live: LiveValues): Promise<LiveResponse> {
  const { headers, body } = requestOf(c, live);
  return rawRequest(`${baseUrl}${c.path}`, c.http_method, headers, body);
}

/** Sends the request with `Connection: keep-alive` over a raw socket; resolves when the server closes it. */
export function sendKeepAlive(baseUrl: string, c: RecordedCase, live: LiveValues): Promise<string> {
  const { headers, body } = requestOf(c, live);
  const url = new URL(baseUrl);
  const lines = [
    `${c.http_method} ${c.path} HTTP/1.1`,
    `Host: ${url.host}`,
    'Connection: keep-alive',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () =>
      socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`),
    );
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.setTimeout(5000, () => reject(new Error('the server kept the connection open')));
  });
}

/** The names of the cookies a response sets, in order (`session_id`, `cids`). */
export function cookieNames(setCookie: readonly string[] | string | null | undefined): string[] {
  const list =
    setCookie === null || setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  return list.map((cookie) => cookie.split('=')[0]!);
}

export function sessionIdFrom(res: LiveResponse): string | undefined {
  const cookies = res.headers['set-cookie'] ?? [];
  const last = cookies.filter((cookie) => cookie.startsWith('session_id=')).at(-1);
  return last?.slice('session_id='.length).split(';')[0];
}

const DATETIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?/g;

/** Datetimes carry the recording time; everything else must be the same bytes. */
export const withoutDatetimes = (text: string): string => text.replace(DATETIME, '<datetime>');

/** Compares status and the headers that matter; returns what differs. */
export function headerDifferences(c: RecordedCase, res: LiveResponse): string[] {
  const recorded = c.response_headers;
  const out: string[] = [];
  const check = (what: string, expected: unknown, actual: unknown) => {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) {
      out.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
  };
  check('status', c.http_status, res.status);
  check('Content-Type', recorded['Content-Type'], res.headers['content-type']);
  check('Connection', recorded.Connection, res.headers.connection);
  // Node's HTTP parser trims header values: Odoo's `Bearer ` (with its space) reads as `Bearer`.
  const authenticate = recorded['WWW-Authenticate'];
  check(
    'WWW-Authenticate',
    typeof authenticate === 'string' ? authenticate.trim() : undefined,
    res.headers['www-authenticate'],
  );
  check(
    'Set-Cookie',
    cookieNames(recorded['Set-Cookie'] as string[]),
    cookieNames(res.headers['set-cookie']),
  );
  if (recorded.Location !== undefined) check('Location', recorded.Location, res.headers.location);
  return out;
}

export function lastLine(text: unknown): string {
  return String(text).trimEnd().split('\n').at(-1) ?? '';
}

/**
 * Replays one case and checks status, headers and (through `compareBody`) the body; the keep-alive
 * probe goes over a raw socket that the server must close after answering `Connection: close`.
 */
export async function replay(
  baseUrl: string,
  c: RecordedCase,
  live: LiveValues,
  compareBody: (c: RecordedCase, res: LiveResponse) => void,
): Promise<LiveResponse | null> {
  if (c.name === 'keepalive_probe') {
    const raw = await sendKeepAlive(baseUrl, c, live);
    expect(raw).toMatch(/\r\nConnection: close\r\n/);
    expect(raw.endsWith(`\r\n\r\n${c.response_body ?? ''}`)).toBe(true);
    return null;
  }
  const res = await send(baseUrl, c, live);
  expect(headerDifferences(c, res)).toEqual([]);
  compareBody(c, res);
  return res;
}

/** Every case an exception list names exists in the transcript (no stale exceptions). */
export function expectCasesExist(cases: readonly RecordedCase[], ...lists: Record<string, string>[]): void {
  const names = cases.map((c) => c.name);
  for (const list of lists) for (const name of Object.keys(list)) expect(names).toContain(name);
}
