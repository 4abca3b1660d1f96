/** Raw HTTP calls to the simulator for its own tests: JSON-RPC envelopes, session calls, JSON-2. */
import type http from 'node:http';
import type { RunningSimulator } from '../../src/simulator';
import { rawRequest } from '../contract/transcript-helpers';

export interface SimResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
  ms: number;
}

export async function request(
  sim: RunningSimulator,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<SimResponse> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const started = Date.now();
  const all = { 'Content-Type': 'application/json', ...headers };
  const res = await rawRequest(`${sim.url}${path}`, method, all, method === 'GET' ? undefined : payload);
  return { ...res, json: () => JSON.parse(res.body), ms: Date.now() - started };
}

export const envelope = (params: Record<string, unknown>) => ({
  jsonrpc: '2.0',
  method: 'call',
  id: 1,
  params,
});

export function cookieOf(res: SimResponse): string {
  const cookie = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('session_id='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

export async function login(sim: RunningSimulator, password = sim.password, user = sim.username) {
  return request(sim, '/web/session/authenticate', envelope({ db: sim.db, login: user, password }));
}

export function callKw(
  sim: RunningSimulator,
  cookie: string | null,
  model: string,
  method: string,
  args: unknown[],
  kwargs = {},
) {
  return request(
    sim,
    `/web/dataset/call_kw/${model}/${method}`,
    envelope({ model, method, args, kwargs }),
    cookie ? { Cookie: cookie } : {},
  );
}

export function json2(
  sim: RunningSimulator,
  model: string,
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return request(sim, `/json/2/${model}/${method}`, body, {
    Authorization: `bearer ${sim.apiKey}`,
    ...headers,
  });
}

export function jsonRpc(
  sim: RunningSimulator,
  service: string,
  method: string,
  args: unknown[],
  headers = {},
) {
  return request(sim, '/jsonrpc', envelope({ service, method, args }), headers);
}
