/**
 * The web client's session routes (Odoo 17+), all JSON-RPC envelopes over HTTP 200:
 * `/web/session/authenticate` (password only: API keys and two-factor users are refused),
 * `/web/dataset/call_kw[/<model>/<method>]` with the `session_id` cookie, `get_session_info`,
 * `check`, `destroy`, `GET /web/session/logout`, and `/web/webclient/version_info`.
 * A request whose database cannot be known (no live session on a multi-database server) gets the
 * plain HTML 404 of Odoo's database-less route map; a known database without a user gets code 100.
 */
import type http from 'node:http';
import type { AuthService } from '../auth';
import {
  fixedExchange,
  HTML_TYPE,
  JSON_TYPE,
  ok,
  type Exchange,
  type Reply,
  type RequestInfo,
} from '../exchange';
import { accessDenied, OdooFault } from '../orm/faults';
import { asFault } from '../protocols';
import type { RpcDispatcher } from '../rpc-dispatch';
import type { OdooVersion } from '../types';
import { versionInfo } from '../versions';
import { jsonRpcError, jsonRpcResult } from '../wire/jsonrpc';
import { NOT_FOUND_HTML, redirectHtml } from '../wire/html-pages';
import { clearedCidsCookie, sessionCookie } from './cookies';
import { sessionInfo } from './session-info';
import type { Session, SessionStore } from './session-store';
import { callKwExchange } from './call-kw';

export interface SessionDeps {
  version: OdooVersion;
  db: string;
  multiDb: boolean;
  dispatcher: RpcDispatcher;
  auth: AuthService;
  sessions: SessionStore;
  now: () => number;
}

interface Envelope {
  id: unknown;
  params: Record<string, unknown>;
}

function parseEnvelope(body: string): Envelope {
  try {
    const parsed = JSON.parse(body) as { id?: unknown; params?: unknown };
    const params = parsed.params && typeof parsed.params === 'object' ? parsed.params : {};
    return { id: parsed.id ?? null, params: params as Record<string, unknown> };
  } catch {
    return { id: null, params: {} };
  }
}

const SESSION_PATHS = new Set([
  '/web/webclient/version_info',
  '/web/session/authenticate',
  '/web/session/logout',
  '/web/session/get_session_info',
  '/web/session/check',
  '/web/session/destroy',
  '/web/dataset/call_kw',
]);

export const isSessionPath = (path: string): boolean =>
  SESSION_PATHS.has(path) || path.startsWith('/web/dataset/call_kw/');

const SESSION_EXPIRED = new OdooFault(1, 'odoo.http.SessionExpiredException', 'Session expired');

export class SessionRoutes {
  constructor(private readonly deps: SessionDeps) {}

  /** The exchange for a session route, or null when the path is not one. */
  route(req: RequestInfo): Exchange | null {
    const envelope = parseEnvelope(req.body);
    const json = (result: unknown, cookies?: string[]): Reply =>
      ok(JSON_TYPE, jsonRpcResult(envelope.id, result), cookies ? { 'Set-Cookie': cookies } : undefined);
    switch (req.path) {
      case '/web/webclient/version_info':
        return fixedExchange(json(versionInfo(this.deps.version), [this.touch(req)]));
      case '/web/session/authenticate':
        return this.authenticate(req, envelope);
      case '/web/session/logout':
        return fixedExchange(this.logout(req));
    }
    if (req.path === '/web/dataset/call_kw' || req.path.startsWith('/web/dataset/call_kw/')) {
      return this.withUser(req, envelope, (session) =>
        callKwExchange(this.deps.dispatcher, envelope, session),
      );
    }
    const userRoutes: Record<string, (s: Session & { uid: number }) => Reply> = {
      '/web/session/get_session_info': (s) => json(this.info(s.uid, s.db!), [this.touch(req)]),
      '/web/session/check': () => json(null, [this.touch(req)]),
      '/web/session/destroy': () => {
        const id = this.deps.sessions.destroy(req.sessionId);
        return json(null, [clearedCidsCookie(this.deps.now()), sessionCookie(id, this.deps.now())]);
      },
    };
    const handler = userRoutes[req.path];
    return handler ? this.withUser(req, envelope, (s) => fixedExchange(handler(s))) : null;
  }

  /** The session cookie to (re)send: the caller's live session, or a new anonymous one. */
  private touch(req: RequestInfo): string {
    const live = this.deps.sessions.get(req.sessionId) ? req.sessionId! : undefined;
    const id = live ?? this.deps.sessions.open({ db: this.defaultDb(req), uid: null });
    return sessionCookie(id, this.deps.now());
  }

  /** The database a request without a session is served from, if the server can tell. */
  private defaultDb(req: RequestInfo): string | null {
    if (req.dbHeader !== undefined) return req.dbHeader === this.deps.db ? req.dbHeader : null;
    return this.deps.multiDb ? null : this.deps.db;
  }

  private withUser(
    req: RequestInfo,
    envelope: Envelope,
    then: (session: Session & { uid: number }) => Exchange,
  ): Exchange {
    const session = this.deps.sessions.get(req.sessionId);
    const db = session?.db ?? this.defaultDb(req);
    if (db === null) return fixedExchange({ status: 404, contentType: HTML_TYPE, body: NOT_FOUND_HTML });
    if (!session || session.uid === null) {
      const body = jsonRpcError(null, SESSION_EXPIRED, {
        code: 100,
        message: 'Odoo Session Expired',
        arguments: [SESSION_EXPIRED.message],
      });
      return fixedExchange(ok(JSON_TYPE, body));
    }
    return then({ db, uid: session.uid });
  }

  private info(uid: number, db: string): Record<string, unknown> {
    const login = this.deps.auth.loginOf(uid) ?? '';
    return this.deps.dispatcher.runAs(uid, 'res.users', (orm) =>
      sessionInfo(orm, this.deps.version, db, login),
    ) as Record<string, unknown>;
  }

  private authenticate(req: RequestInfo, envelope: Envelope): Exchange {
    const { db, login, password } = envelope.params;
    const fault = (f: OdooFault) => ok(JSON_TYPE, jsonRpcError(envelope.id, f));
    return {
      call: {
        service: 'common',
        protocol: 'session',
        method: 'authenticate',
        args: [db, login, '***'],
        kwargs: {},
      },
      stateless: req.sessionId === undefined && req.dbHeader === undefined,
      fault,
      run: () => {
        try {
          this.deps.dispatcher.checkDb(db);
          const user = this.deps.auth.authenticateInteractive(login, password);
          if (!user) throw accessDenied();
          const id = this.deps.sessions.login(String(db), user.uid, req.sessionId);
          const cookie = sessionCookie(id, this.deps.now());
          const result = jsonRpcResult(envelope.id, this.info(user.uid, String(db)));
          return ok(JSON_TYPE, result, { 'Set-Cookie': [cookie, cookie] });
        } catch (err) {
          return fault(asFault(err));
        }
      },
    };
  }

  /** `GET /web/session/logout?redirect=...` (type=http): 303, the session keeps its database. */
  private logout(req: RequestInfo): Reply {
    const location = req.query.get('redirect') ?? '/odoo';
    const current = this.deps.sessions.get(req.sessionId);
    const id = current
      ? this.deps.sessions.logout(req.sessionId!)
      : this.deps.sessions.open({ db: null, uid: null });
    const headers: http.OutgoingHttpHeaders = {
      'Set-Cookie': [clearedCidsCookie(this.deps.now()), sessionCookie(id, this.deps.now())],
      Location: location,
    };
    return { status: 303, contentType: HTML_TYPE, body: redirectHtml(location), headers };
  }
}
