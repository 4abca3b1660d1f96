import { ForbiddenError, InternalError, OdooError, OdooUnavailableError } from '../errors/errors';
import type { GatewayError } from '../errors/gateway-error';
import { API_KEY_REFUSED_MESSAGE, classifyFault, jsonRpcErrorToFault } from './classify-fault';
import { readableFaultLine } from './fault-message';
import type { HttpPostReply } from './http-post';
import { OdooModelMissingError } from './model-missing-error';
import { notProtocolReply, OdooFault } from './rpc-transport';

/**
 * A JSON-2 error reply → what the gateway reports. Pure (tested against every error of the Odoo 19.0
 * transcript). JSON-2 answers errors with an HTTP status and `{name, message, arguments, context,
 * debug}`; `debug` is a traceback and is never read. Wrong key → an AccessDenied fault, so that the
 * client's one re-login runs; everything else is classified here.
 */
export const NO_DATABASE_MESSAGE =
  'Odoo answered HTTP 404 without selecting a database: check ODOO_DB (and that ODOO_URL is an Odoo 19 or later, which JSON-2 needs)';

export interface Json2Call {
  model: string;
  method: string;
  secrets: readonly string[];
}

interface Json2ErrorBody {
  name: string;
  message: string;
}

const UNKNOWN_MODEL = /^the model '([^']+)' does not exist/;
const ODOO_EXCEPTION = /^odoo\.exceptions\./;

export function json2ErrorOf(reply: HttpPostReply, call: Json2Call): OdooFault | GatewayError {
  const error = parseErrorBody(reply);
  if (!error) return htmlReplyError(reply.status);
  if (reply.status === 401) return new OdooFault(3, API_KEY_REFUSED_MESSAGE);
  if (reply.status === 404 && error.name === 'werkzeug.exceptions.NotFound') {
    return UNKNOWN_MODEL.test(error.message)
      ? new OdooModelMissingError(call.model)
      : new OdooError(`Odoo has no method ${call.model}.${call.method} (a gateway bug)`);
  }
  if (reply.status === 403) return new ForbiddenError(readableFaultLine(error.message, call.secrets));
  if (error.name.startsWith('werkzeug.exceptions.')) {
    // 400 unparsable body, 422 arguments that do not bind: the gateway built the request.
    return new OdooError(
      `Odoo refused the gateway's call to ${call.model}.${call.method} (a gateway bug): ${readableFaultLine(error.message, call.secrets)}`,
    );
  }
  if (ODOO_EXCEPTION.test(error.name) || reply.status === 500) {
    return classifyFault(jsonRpcErrorToFault({ data: error }), call.secrets);
  }
  return new OdooError(`Odoo answered HTTP ${reply.status} (${readableFaultLine(error.name)})`);
}

function htmlReplyError(status: number): GatewayError {
  // Several databases and none selected, or an unknown one: Odoo's db-less route map answers HTML.
  if (status === 404) return new OdooUnavailableError(NO_DATABASE_MESSAGE);
  if (status === 415)
    return new InternalError("Odoo refused the content type of the gateway's JSON-2 call (a gateway bug)");
  return notProtocolReply(status, 'JSON-2', '/json/2');
}

function parseErrorBody(reply: HttpPostReply): Json2ErrorBody | undefined {
  if (!/\bjson\b/i.test(reply.contentType)) return undefined;
  try {
    const body = JSON.parse(reply.body) as unknown;
    if (typeof body !== 'object' || body === null) return undefined;
    const { name, message } = body as Record<string, unknown>;
    if (typeof name !== 'string') return undefined;
    return { name, message: typeof message === 'string' ? message : '' };
  } catch {
    return undefined;
  }
}
