import { ErrorDetail, GatewayError, GatewayErrorOptions } from './gateway-error';

/** Small subclasses so that code says what happened, and the status/code pair lives in one place. */

export class InvalidJsonError extends GatewayError {
  constructor(message = 'Request body is not valid JSON') {
    super(400, 'INVALID_JSON', message);
  }
}

/** Problems listed in one answer at most: a body with thousands of bad keys must not make a megabyte reply. */
export const MAX_LISTED_PROBLEMS = 100;

export class ValidationError extends GatewayError {
  /**
   * Builds one error from several problems: `error` is the first, `details` lists the first
   * MAX_LISTED_PROBLEMS and then how many more there were (`uncounted` problems were never listed).
   */
  static fromDetails(details: readonly ErrorDetail[], uncounted = 0): ValidationError {
    const first = details[0] ?? { line_id: null, error: 'invalid request' };
    const message = first.line_id ? `${first.line_id}: ${first.error}` : first.error;
    const listed = details.slice(0, MAX_LISTED_PROBLEMS);
    const more = details.length - listed.length + uncounted;
    if (more > 0) listed.push({ line_id: null, error: `${more} more problems not listed` });
    return new ValidationError(message, { lineId: first.line_id, details: listed });
  }

  constructor(message: string, options: GatewayErrorOptions = {}) {
    super(400, 'VALIDATION_ERROR', message, options);
  }
}

export class InvalidQueryError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super(400, 'INVALID_QUERY', message, options);
  }
}

export class OdooValidationError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super(400, 'ODOO_VALIDATION_ERROR', message, options);
  }
}

export class UnauthorizedError extends GatewayError {
  constructor(challenge: string, message = 'Missing or invalid credentials') {
    super(401, 'UNAUTHORIZED', message, { headers: { 'WWW-Authenticate': challenge } });
  }
}

export class ForbiddenError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super(403, 'FORBIDDEN', message, options);
  }
}

export class NotFoundError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super(404, 'NOT_FOUND', message, options);
  }
}

export class MethodNotAllowedError extends GatewayError {
  constructor(method: string, allowed: readonly string[]) {
    super(405, 'METHOD_NOT_ALLOWED', `Method ${method} is not enabled here; allowed: ${allowed.join(', ')}`, {
      headers: { Allow: allowed.join(', ') },
    });
  }
}

export class ConflictError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super(409, 'CONFLICT', message, options);
  }
}

export class AmbiguousIdentifierError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super(409, 'AMBIGUOUS_IDENTIFIER', message, options);
  }
}

/** A relation value (`parent: "ACME"`) that several Odoo records carry: linking one would be a guess. */
export class AmbiguousRelationError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super(409, 'AMBIGUOUS_RELATION', message, options);
  }
}

export class RequestInProgressError extends GatewayError {
  constructor(message = 'A request with this Idempotency-Key is still in progress; retry later') {
    super(409, 'REQUEST_IN_PROGRESS', message, { headers: { 'Retry-After': '1' } });
  }
}

export class PayloadTooLargeError extends GatewayError {
  constructor(message = 'Request body is larger than the configured limit') {
    super(413, 'PAYLOAD_TOO_LARGE', message);
  }
}

export class UnsupportedMediaTypeError extends GatewayError {
  constructor(message = 'Request body must be JSON (Content-Type: application/json)') {
    super(415, 'UNSUPPORTED_MEDIA_TYPE', message);
  }
}

export class IdempotencyMismatchError extends GatewayError {
  constructor(message = 'This Idempotency-Key was already used with a different request body') {
    super(422, 'IDEMPOTENCY_MISMATCH', message);
  }
}

export class RateLimitedError extends GatewayError {
  constructor(retryAfterSeconds: number) {
    super(429, 'RATE_LIMITED', `Too many requests; retry in ${retryAfterSeconds} s`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}

export class InternalError extends GatewayError {
  constructor(message = 'Internal error', options: GatewayErrorOptions = {}) {
    super(500, 'INTERNAL_ERROR', message, options);
  }
}

/** Odoo answered with an application error (fault 1) or a reply that is not XML-RPC/JSON-RPC. */
export class OdooError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super(502, 'ODOO_ERROR', message, options);
  }
}

/** Odoo unreachable, or the gateway's own Odoo login refused. */
export class OdooUnavailableError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super(503, 'ODOO_UNAVAILABLE', message, {
      ...options,
      headers: { 'Retry-After': '5', ...options.headers },
    });
  }
}

/**
 * The configuration check against Odoo found this endpoint's configuration wrong (a missing model, a
 * bad domain...): ops must fix it; the caller did nothing wrong. Re-checked every minute meanwhile.
 */
export class EndpointMisconfiguredError extends GatewayError {
  constructor(message: string) {
    super(503, 'ENDPOINT_MISCONFIGURED', message, { headers: { 'Retry-After': '60' } });
  }
}

/** Odoo did not answer in time. For a write the outcome is unknown. */
export class OdooTimeoutError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super(504, 'ODOO_TIMEOUT', message, options);
  }
}
