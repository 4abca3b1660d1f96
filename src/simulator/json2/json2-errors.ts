/**
 * JSON-2 error answers: an HTTP status and a JSON body `{name, message, arguments, context, debug}`.
 * ORM exceptions map to statuses by class (as recorded on Odoo 19.0); routing and binding problems
 * are werkzeug HTTP exceptions whose `arguments` also carry the status.
 */
import { OdooFault } from '../orm/faults';
import { pyJsonDumps } from '../wire/py-json';

export interface Json2Error {
  status: number;
  fault: OdooFault;
  arguments: unknown[];
}

const HEAD = 'Traceback (most recent call last):\n  ...\n';
const LINKS = {
  cause:
    '\nThe above exception was the direct cause of the following exception:\nTraceback (most recent call last):\n',
  during:
    '\nDuring handling of the above exception, another exception occurred:\nTraceback (most recent call last):\n',
};

const HTTP_EXCEPTIONS: Record<number, [string, string]> = {
  400: ['BadRequest', 'Bad Request'],
  401: ['Unauthorized', 'Unauthorized'],
  404: ['NotFound', 'Not Found'],
  422: ['UnprocessableEntity', 'Unprocessable Entity'],
};

/** A werkzeug HTTP exception, optionally raised from (or while handling) another exception line. */
export function httpError(
  status: 400 | 401 | 404 | 422,
  message: string,
  origin?: { line: string; link: keyof typeof LINKS },
): Json2Error {
  const [cls, reason] = HTTP_EXCEPTIONS[status]!;
  const name = `werkzeug.exceptions.${cls}`;
  const cause = origin ? `${origin.line}${LINKS[origin.link]}` : '';
  const traceback = `${HEAD}${cause}${name}: ${status} ${reason}: ${message}`;
  return { status, fault: new OdooFault(1, name, message, traceback), arguments: [message, status] };
}

const STATUS_BY_EXCEPTION: Record<string, number> = {
  'odoo.exceptions.AccessError': 403,
  'odoo.exceptions.AccessDenied': 403,
  'odoo.exceptions.MissingError': 404,
  'odoo.exceptions.UserError': 422,
  'odoo.exceptions.ValidationError': 422,
  'odoo.exceptions.RedirectWarning': 422,
};

/** An exception raised by the model method: 403/404/422 for Odoo's exceptions, 500 for the rest. */
export function faultError(fault: OdooFault): Json2Error {
  return { status: STATUS_BY_EXCEPTION[fault.exception] ?? 500, fault, arguments: [fault.message] };
}

export function json2ErrorBody(error: Json2Error): string {
  const { fault } = error;
  return pyJsonDumps({
    name: fault.exception,
    message: fault.message,
    arguments: error.arguments,
    context: {},
    debug: fault.traceback,
  });
}
