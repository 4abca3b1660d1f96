/**
 * Session transport (Odoo 17–18 with a password): the web client's own routes. The client's one login
 * is `POST /web/session/authenticate` (params db, login, password), whose `session_id` cookie is sent
 * with every `POST /web/dataset/call_kw/<model>/<method>` (params model, method, args, kwargs). With a
 * session cookie Odoo picks the database from the session instead of listing its databases, which
 * makes each call several times cheaper on a multi-database server (see docs/odoo-client.md).
 * Session login refuses API keys and two-factor users: those stay on XML-RPC (protocol `auto`).
 */
import { OdooError } from '../errors/errors';
import { httpPost, HttpPostReply } from './http-post';
import { readEnvelope } from './jsonrpc-transport';
import { toWireValues, toWireValue } from './odoo-values';
import {
  databaseHeader,
  endpointUrl,
  modelCallOf,
  notProtocolReply,
  OdooService,
  RpcCallTiming,
  RpcTransport,
  RpcTransportOptions,
} from './rpc-transport';
import { readSessionReply } from './session-reply';
import { fetchVersionInfo } from './version-info';

const SESSION_COOKIE = /^\s*session_id=([^;]*)/;

export class SessionTransport implements RpcTransport {
  readonly observedAs = 'session';
  /** The `session_id` of the last successful login; never logged. */
  private sessionId: string | undefined;
  private nextId = 0;

  constructor(private readonly options: RpcTransportOptions) {}

  async call(
    service: OdooService,
    method: string,
    params: unknown[],
    timing: RpcCallTiming,
  ): Promise<unknown> {
    if (service === 'common' && method === 'version') return fetchVersionInfo(this.options, timing);
    if (service === 'common' && method === 'authenticate') {
      const [db, login, password] = params as [string, string, string];
      return this.login({ db, login, password }, timing);
    }
    const { model, method: modelMethod, args, kwargs } = modelCallOf(params);
    const reply = await this.post(
      `web/dataset/call_kw/${model}/${modelMethod}`,
      { model, method: modelMethod, args: toWireValues(args), kwargs: toWireValue(kwargs, 'kwargs') },
      timing,
    );
    const result = readSessionReply(reply, model);
    // Only a successful answer may replace the cookie: a lost-session answer arriving after the
    // re-login must not swap the new session for an anonymous one.
    this.keepSessionCookie(reply);
    return result;
  }

  private async login(credentials: Record<string, string>, timing: RpcCallTiming): Promise<unknown> {
    const path = 'web/session/authenticate';
    const reply = await this.post(path, credentials, timing);
    if (reply.status !== 200 || !/\bjson\b/i.test(reply.contentType)) {
      throw notProtocolReply(reply.status, 'JSON-RPC', `/${path}`);
    }
    const info = readEnvelope(reply.body) as { uid?: unknown } | null;
    if (!this.keepSessionCookie(reply))
      throw new OdooError('Odoo accepted the login but set no session cookie');
    return info?.uid ?? false;
  }

  private post(path: string, params: unknown, timing: RpcCallTiming): Promise<HttpPostReply> {
    const cookie: Record<string, string> = this.sessionId ? { Cookie: `session_id=${this.sessionId}` } : {};
    return httpPost({
      url: endpointUrl(this.options.baseUrl, path),
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: ++this.nextId, params }),
      contentType: 'application/json',
      agent: this.options.agent,
      maxResponseBytes: this.options.maxResponseBytes,
      headers: { ...databaseHeader(this.options), ...cookie },
      ...timing,
    });
  }

  /** Odoo rotates the session id on login (and may on later answers): the last one set wins. */
  private keepSessionCookie(reply: HttpPostReply): boolean {
    const ids = reply.setCookie.map((line) => SESSION_COOKIE.exec(line)?.[1]).filter((id) => !!id);
    const latest = ids[ids.length - 1];
    if (latest) this.sessionId = latest;
    return latest !== undefined;
  }
}
