/**
 * Odoo 19's External JSON-2 API: `POST /json/2/<model>/<method>` with `Authorization: bearer <key>`,
 * an optional `X-Odoo-Database` and a JSON object of named arguments; the answer is the bare return
 * value. Checked in this order: database (HTML 404), Content-Type (HTML 415), bearer key (401),
 * body (400), then model, method and arguments (404/403/422), then the call itself.
 */
import type { AuthService } from '../auth';
import {
  fixedExchange,
  HTML_TYPE,
  JSON_TYPE,
  type Exchange,
  type Reply,
  type RequestInfo,
} from '../exchange';
import { OdooFault } from '../orm/faults';
import { asFault } from '../protocols';
import type { RpcDispatcher } from '../rpc-dispatch';
import { JSON2_UNSUPPORTED_MEDIA_HTML, NO_DATABASE_HTML } from '../wire/html-pages';
import { pyJsonDumps } from '../wire/py-json';
import { pythonJsonError } from '../wire/py-json-error';
import { bindJson2, Json2Failure } from './json2-call';
import { faultError, httpError, json2ErrorBody, type Json2Error } from './json2-errors';

export const JSON2_ROUTE = /^\/json\/2\/([^/]+)\/([^/]+)$/;

export interface Json2Deps {
  db: string;
  multiDb: boolean;
  dispatcher: RpcDispatcher;
  auth: AuthService;
}

const NO_AUTH = 'User not authenticated, use an API Key with a Bearer Authorization header.';

function errorReply(error: Json2Error): Reply {
  const headers = error.status === 401 ? { 'WWW-Authenticate': 'Bearer ' } : undefined;
  return { status: error.status, contentType: JSON_TYPE, body: json2ErrorBody(error), headers };
}

const html = (status: number, body: string): Exchange =>
  fixedExchange({ status, contentType: HTML_TYPE, body });

function parseBody(body: string): Record<string, unknown> | Json2Error {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    const reason = pythonJsonError(body);
    return httpError(400, `could not parse the body as json: ${reason}`, {
      line: `json.decoder.JSONDecodeError: ${reason}`,
      link: 'cause',
    });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return httpError(400, 'the body must be a json object of named arguments');
  }
  return parsed as Record<string, unknown>;
}

export function json2Exchange(deps: Json2Deps, req: RequestInfo, model: string, method: string): Exchange {
  const known = req.dbHeader === undefined ? !deps.multiDb : req.dbHeader === deps.db;
  if (!known) return html(404, NO_DATABASE_HTML);
  if (!/^application\/json\b/i.test(req.contentType)) return html(415, JSON2_UNSUPPORTED_MEDIA_HTML);
  const body = parseBody(req.body);
  const named = 'status' in body ? null : body;
  const { ids, ...kwargs } = named ?? {};
  const fault = (f: OdooFault) => errorReply(faultError(f));
  return {
    call: named && {
      service: 'object',
      protocol: 'json2',
      method: 'json2',
      model,
      modelMethod: method,
      args: ids === undefined ? [] : [ids],
      kwargs,
    },
    stateless: req.dbHeader === undefined,
    fault,
    run: () => {
      const bearer = /^bearer\s+(\S+)$/i.exec(req.authorization ?? '')?.[1];
      if (!bearer) return errorReply(httpError(401, NO_AUTH));
      const user = deps.auth.userByApiKey(bearer);
      if (!user) return errorReply(httpError(401, 'Invalid apikey'));
      if (!named) return errorReply(body as Json2Error);
      try {
        const bound = bindJson2(deps.dispatcher.registry, model, method, named);
        deps.dispatcher.checkAccess(user.uid, model, method);
        const result = deps.dispatcher.runAs(user.uid, model, (orm) => bound.run(orm));
        return { status: 200, contentType: JSON_TYPE, body: pyJsonDumps(result) };
      } catch (err) {
        if (err instanceof Json2Failure) return errorReply(err.error);
        return fault(asFault(err));
      }
    },
  };
}
