/**
 * Which route answers a request: XML-RPC (`/xmlrpc/2/<service>`, legacy `/xmlrpc/<service>`),
 * `/jsonrpc`, `GET /web/version`, the session routes, JSON-2 (19 only), else werkzeug's 404/405.
 * On 19 an `X-Odoo-Database` header naming a database the server does not have answers Odoo's
 * "No database is selected" page on every route.
 */
import { fixedExchange, HTML_TYPE, JSON_TYPE, ok, type Exchange, type RequestInfo } from './exchange';
import { json2Exchange, JSON2_ROUTE, type Json2Deps } from './json2/json2-route';
import { jsonRpcExchange, xmlRpcExchange } from './protocols';
import type { RpcDispatcher } from './rpc-dispatch';
import { isSessionPath, type SessionRoutes } from './session/session-routes';
import type { OdooVersion } from './types';
import { hasJson2, webVersion } from './versions';
import { METHOD_NOT_ALLOWED_HTML, NO_DATABASE_HTML, NOT_FOUND_HTML } from './wire/html-pages';
import { pyJsonDumps } from './wire/py-json';
import { sessionCookie } from './session/cookies';

const XMLRPC_ROUTE = /^\/xmlrpc\/(2\/)?(common|object|db)$/;

export interface RouterDeps extends Json2Deps {
  version: OdooVersion;
  dispatcher: RpcDispatcher;
  sessions: SessionRoutes;
  now: () => number;
  openAnonymousSession(): string;
}

const page = (status: number, body: string, headers?: Record<string, string>): Exchange =>
  fixedExchange({ status, contentType: HTML_TYPE, body, headers });

const methodNotAllowed = (allow: string) => page(405, METHOD_NOT_ALLOWED_HTML, { Allow: allow });

export function createRouter(deps: RouterDeps): (req: RequestInfo) => Exchange {
  const post = (req: RequestInfo, then: () => Exchange): Exchange =>
    req.method === 'POST' ? then() : methodNotAllowed('POST, OPTIONS');

  return (req) => {
    if (req.dbHeader !== undefined && req.dbHeader !== deps.db) return page(404, NO_DATABASE_HTML);
    const stateless = req.dbHeader === undefined;
    const xml = XMLRPC_ROUTE.exec(req.path);
    if (xml) {
      const route = { service: xml[2]!, legacy: xml[1] === undefined, stateless, path: req.path };
      return post(req, () => xmlRpcExchange(deps.dispatcher, route, req.body));
    }
    if (req.path === '/jsonrpc')
      return post(req, () => jsonRpcExchange(deps.dispatcher, req.body, stateless));
    if (req.path === '/web/version') {
      if (req.method !== 'GET') return methodNotAllowed('GET, HEAD, OPTIONS');
      const cookie = sessionCookie(deps.openAnonymousSession(), deps.now());
      return fixedExchange(ok(JSON_TYPE, pyJsonDumps(webVersion(deps.version)), { 'Set-Cookie': [cookie] }));
    }
    const json2 = hasJson2(deps.version) ? JSON2_ROUTE.exec(req.path) : null;
    if (json2) return post(req, () => json2Exchange(deps, req, json2[1]!, json2[2]!));
    if (!isSessionPath(req.path)) return page(404, NOT_FOUND_HTML);
    if (req.path === '/web/session/logout') return deps.sessions.route(req)!;
    return post(req, () => deps.sessions.route(req)!);
  };
}
