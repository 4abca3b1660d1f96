/**
 * How a failed Odoo write call is read: an error about the values (Odoo rolled the call back, and
 * splitting the call finds the item at fault) or a failure of the call itself (timeout, connection),
 * after which the outcome may be unknown and nothing more is sent.
 */
import { EndpointDef } from '../config/types';
import { GatewayError } from '../errors/gateway-error';
import { InternalError, OdooUnavailableError } from '../errors/errors';
import { neverReachedOdoo } from '../odoo/transport-failure';

const ITEM_CODES: ReadonlySet<string> = new Set([
  'ODOO_VALIDATION_ERROR',
  'VALIDATION_ERROR',
  'NOT_FOUND',
  'FORBIDDEN',
  'ODOO_ERROR',
]);

/**
 * ODOO_ERROR also covers replies that are not XML-RPC at all (a proxy's HTML 502 page): the proxy may
 * have given up while Odoo went on, so such a reply says nothing about the values.
 */
const NOT_AN_ODOO_ANSWER =
  /^(?:Odoo answered with (?:HTTP|a reply)|Odoo's reply was larger|Unexpected failure)/;

export function toGatewayError(error: unknown): GatewayError {
  return error instanceof GatewayError
    ? error
    : new InternalError('Unexpected failure while writing to Odoo');
}

/** True when Odoo answered and refused the values: the call was rolled back as a whole. */
export function isItemError(error: GatewayError): boolean {
  if (!ITEM_CODES.has(error.code)) return false;
  if (error.cause !== undefined) return false; // transport failures carry their cause
  return !(error.code === 'ODOO_ERROR' && NOT_AN_ODOO_ANSWER.test(error.message));
}

/** A write call failed without a verdict on the values: did it maybe reach Odoo? */
export function outcomeUnknown(error: GatewayError): boolean {
  return !isItemError(error) && !neverReachedOdoo(error);
}

/** Items left unsent after a call of the same request failed for a reason other than its values. */
export function notSentError(after: GatewayError): GatewayError {
  return new OdooUnavailableError(
    `Not sent to Odoo: an earlier call of this request failed (${after.code}); this item was not saved`,
  );
}

/** Items of an atomic batch that were fine themselves but were not saved because another one failed. */
export class BatchAbortedError extends GatewayError {
  constructor(message: string) {
    super(424, 'BATCH_ABORTED', message);
  }
}

/**
 * Odoo's messages name Odoo fields (`Invalid field 'x'`, `res_partner_parent_id_fkey`); the caller
 * knows the external key. Gives the error the key of the line whose field the message names.
 */
export function withLineId(endpoint: EndpointDef, error: GatewayError): GatewayError {
  if (error.lineId !== null || !error.code.startsWith('ODOO')) return error;
  const table = endpoint.model.replace(/\./g, '_');
  const line = endpoint.fields.find(
    ({ field }) =>
      field !== undefined &&
      !field.includes('.') &&
      [`'${field}'`, `${endpoint.model}.${field}:`, `${table}_${field}_fkey`].some((name) =>
        error.message.includes(name),
      ),
  );
  if (!line) return error;
  return new GatewayError(error.status, error.code, error.message, {
    lineId: line.key,
    details: error.details,
    headers: error.headers,
    cause: error.cause,
  });
}
