import {
  ForbiddenError,
  NotFoundError,
  OdooError,
  OdooUnavailableError,
  OdooValidationError,
} from '../errors/errors';
import { GatewayError } from '../errors/gateway-error';
import { readableFaultLine } from './fault-message';
import { OdooModelMissingError } from './model-missing-error';

/**
 * Odoo fault → typed gateway error. Pure, so that every recorded fault string can be checked in a
 * unit test. Odoo's XML-RPC codes (odoo/addons/base/controllers/rpc.py): 1 application error (a
 * traceback), 2 UserError/ValidationError/MissingError, 3 AccessDenied, 4 AccessError. JSON-RPC
 * errors are first turned into the same (code, string) pair by `jsonRpcErrorToFault`.
 */
export interface OdooFaultInfo {
  faultCode: number | string;
  faultString: string;
}

export const LOGIN_REFUSED_MESSAGE = "Odoo refused the gateway's login (check ODOO_USERNAME / ODOO_PASSWORD)";
export const CREDENTIALS_REFUSED_MESSAGE =
  "Odoo refused the gateway's credentials (Access Denied; check ODOO_USERNAME / ODOO_PASSWORD)";

/** JSON-2 answered 401: the configured password is not a valid API key (any more). */
export const API_KEY_REFUSED_MESSAGE = "Odoo refused the gateway's API key (check ODOO_PASSWORD)";
/** The session route answered "Session Expired" (or its HTML 404) again right after a new login. */
export const SESSION_LOST_MESSAGE =
  "Odoo dropped the gateway's session again right after a new login (is something logging the gateway's Odoo user out?)";
/** AccessDenied faults that the transports raise with the gateway's own message: reported as they are. */
const OWN_ACCESS_MESSAGES: ReadonlySet<string> = new Set([API_KEY_REFUSED_MESSAGE, SESSION_LOST_MESSAGE]);

const MISSING_RECORD = /^Record does not exist or has been deleted/;
/** XML-RPC's and JSON-RPC's UserError for a model Odoo does not have (JSON-2 and session answer 404). */
const MISSING_MODEL = /^Object (\S+) doesn't exist$/m;
const UNKNOWN_DATABASE = /database "([^"]+)" does not exist/;
const DATABASE_DOWN =
  /psycopg2\.OperationalError|could not connect to server|connection to server (?:at|on) /;
const CONCURRENT_UPDATE = /could not serialize access due to concurrent update|SerializationFailure/;
/** `Record does not exist ... (Record: res.users(7,), User: 7)`: the cached uid no longer exists. */
const STALE_UID = /\(Record: res\.users\((\d+),\), User: (\d+)\)/;

export function faultCodeOf(fault: OdooFaultInfo): number | null {
  const code = typeof fault.faultCode === 'number' ? fault.faultCode : Number(fault.faultCode);
  return Number.isInteger(code) ? code : null;
}

/** True when Odoo no longer accepts the gateway's uid/password: the one case that warrants a new login. */
export function isAccessDenied(fault: OdooFaultInfo): boolean {
  const code = faultCodeOf(fault);
  if (code === 3) return true;
  const stale = code === 2 ? STALE_UID.exec(fault.faultString) : null;
  return stale !== null && stale[1] === stale[2];
}

export function classifyFault(fault: OdooFaultInfo, secrets: readonly string[] = []): GatewayError {
  const text = fault.faultString;
  const database = UNKNOWN_DATABASE.exec(text);
  if (database)
    return new OdooUnavailableError(`Odoo database '${database[1] ?? ''}' is not available (check ODOO_DB)`);
  if (DATABASE_DOWN.test(text)) return new OdooUnavailableError('Odoo cannot reach its database');
  if (CONCURRENT_UPDATE.test(text)) {
    return new OdooUnavailableError(
      'Odoo was busy with a concurrent update of the same records; retry shortly',
    );
  }
  if (isAccessDenied(fault)) {
    return new OdooUnavailableError(OWN_ACCESS_MESSAGES.has(text) ? text : CREDENTIALS_REFUSED_MESSAGE);
  }

  const missingModel = faultCodeOf(fault) === 2 ? MISSING_MODEL.exec(text) : null;
  if (missingModel) return new OdooModelMissingError(missingModel[1] ?? '');

  const message = readableFaultLine(text, secrets);
  switch (faultCodeOf(fault)) {
    case 2:
      return MISSING_RECORD.test(message) ? new NotFoundError(message) : new OdooValidationError(message);
    case 4:
      return new ForbiddenError(message);
    default:
      return new OdooError(message);
  }
}

const JSONRPC_CODES: Readonly<Record<string, number>> = {
  'odoo.exceptions.AccessDenied': 3,
  'odoo.exceptions.AccessError': 4,
  'odoo.exceptions.MissingError': 2,
  'odoo.exceptions.UserError': 2,
  'odoo.exceptions.ValidationError': 2,
  'odoo.exceptions.RedirectWarning': 2,
  'odoo.exceptions.except_orm': 2,
  'odoo.exceptions.Warning': 2,
};

/**
 * A JSON-RPC `error` member (`{code: 200, message: "Odoo Server Error", data: {name, message, debug}}`)
 * as the XML-RPC fault Odoo would have sent for the same exception, classified by `data.name`.
 * For application errors the exception name is kept as a prefix so the same scrubbing applies;
 * `debug` (the traceback) is never used.
 */
export function jsonRpcErrorToFault(error: unknown): OdooFaultInfo {
  const record = isRecord(error) ? error : {};
  const data = isRecord(record.data) ? record.data : {};
  const name = typeof data.name === 'string' ? data.name : '';
  const message =
    typeof data.message === 'string'
      ? data.message
      : typeof record.message === 'string'
        ? record.message
        : '';
  const code = JSONRPC_CODES[name];
  if (code !== undefined) return { faultCode: code, faultString: message };
  return {
    faultCode: 1,
    faultString: `Traceback (most recent call last):\n${name ? `${name}: ` : ''}${message}`,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
