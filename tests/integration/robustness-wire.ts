/**
 * The robustness tests' eyes: send a request exactly as generated (raw path, raw bytes, repeated
 * headers), check a response against the error contract of api.md, and see what Odoo calls changed.
 */
import http from 'node:http';
import { SimulatorCall } from '../../src/simulator';
import { FuzzRequest } from './robustness-requests';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export function send(baseUrl: string, request: FuzzRequest, agent?: http.Agent): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        agent,
        headers: {
          ...request.headers,
          ...(request.body ? { 'Content-Length': String(request.body.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** What must never reach a caller: a Python traceback, a file path, a stack frame. */
const LEAK_MARKERS = ['Traceback', 'File "', '.py', 'at /', 'node_modules', '.ts:', 'Error:'];
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Problems of one response under the contract (empty when it is fine). */
export function contractProblems(request: FuzzRequest, response: RawResponse): string[] {
  const problems: string[] = [];
  if (response.status < 200 || response.status >= 500) problems.push(`status ${response.status}`);
  const requestId = response.headers['x-request-id'];
  if (typeof requestId !== 'string' || requestId === '') problems.push('no X-Request-ID header');
  const sentId = request.headers['X-Request-ID'];
  if (typeof sentId === 'string' && VALID_REQUEST_ID.test(sentId) && requestId !== sentId) {
    problems.push(`X-Request-ID ${sentId} not echoed`);
  }
  if (request.method === 'HEAD') return problems;
  if (!/^application\/json\b/.test(response.headers['content-type'] ?? '')) {
    problems.push(`content-type ${response.headers['content-type'] ?? 'none'}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return [...problems, `body is not JSON: ${response.text.slice(0, 80)}`];
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof (body as { success?: unknown }).success !== 'boolean'
  ) {
    return [...problems, 'body has no boolean success'];
  }
  if (response.status >= 400) problems.push(...errorBodyProblems(request, body, requestId));
  return problems;
}

function errorBodyProblems(request: FuzzRequest, body: object, requestId: unknown): string[] {
  const problems: string[] = [];
  const { success, status_code, error, request_id } = body as Record<string, unknown>;
  if (success !== false) problems.push('error with success not false');
  if (typeof status_code !== 'string' || !/^[A-Z_]+$/.test(status_code)) problems.push('no status_code');
  if (typeof error !== 'string' || error === '') problems.push('no error message');
  if (request_id !== requestId) problems.push('request_id differs from X-Request-ID');
  const sent = requestText(request);
  for (const marker of LEAK_MARKERS) {
    // A marker the caller sent may be echoed (e.g. an unknown key "a.py"); anything else is a leak.
    if (typeof error === 'string' && error.includes(marker) && !sent.includes(marker)) {
      problems.push(`error leaks "${marker}": ${error.slice(0, 120)}`);
    }
  }
  return problems;
}

function requestText(request: FuzzRequest): string {
  let path = request.path;
  try {
    path += decodeURIComponent(request.path);
  } catch {
    // not valid percent-encoding: the raw path is all there is
  }
  return `${path} ${JSON.stringify(request.headers)} ${request.body?.toString('utf8') ?? ''}`;
}

/** Model methods that only read; anything else the gateway calls is taken as a change. */
const READ_METHODS = new Set([
  'search',
  'search_read',
  'search_count',
  'read',
  'web_search_read',
  'web_read',
  'fields_get',
  'name_search',
  'check_access_rights',
  'has_access',
  'check_access',
  'name_get',
  'read_group',
  'version',
  'login',
  'authenticate',
]);

export function changingCalls(calls: readonly SimulatorCall[]): SimulatorCall[] {
  return calls.filter((call) => !READ_METHODS.has(call.modelMethod ?? call.method));
}

/** One line for a failure message: enough to replay the request by hand. */
export function describe(request: FuzzRequest): string {
  const body = request.body ? request.body.toString('utf8') : '';
  const headers = JSON.stringify(request.headers, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 60 ? `${value.slice(0, 60)}…(${value.length})` : value,
  );
  const shownBody = body.length > 160 ? `${body.slice(0, 160)}…(${body.length} bytes)` : body;
  const path = request.path.length > 160 ? `${request.path.slice(0, 160)}…` : request.path;
  return `${request.method} ${path} ${headers} ${shownBody}`;
}
