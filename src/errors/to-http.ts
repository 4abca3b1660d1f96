import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type winston from 'winston';
import { ensureRequestContext } from '../context/request-context';
import { loggablePath } from '../logging/loggable-path';
import {
  InternalError,
  InvalidJsonError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors';
import { ErrorDetail, GatewayError } from './gateway-error';

/** The error shape of api.md, for every error the gateway answers. */
export interface ErrorBody {
  success: false;
  error: string;
  status_code: string;
  line_id: string | null;
  request_id: string | null;
  details?: ErrorDetail[];
}

export function errorBody(err: GatewayError, requestId: string | null): ErrorBody {
  return {
    success: false,
    error: err.message,
    status_code: err.code,
    line_id: err.lineId,
    request_id: requestId,
    ...(err.details && err.details.length > 0 ? { details: err.details } : {}),
  };
}

/** Last route: any path nothing else answered. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No route for ${req.method} ${req.path.slice(0, 200)}`));
};

/**
 * The one place errors become responses. GatewayErrors go out as they are; errors of Express and
 * body-parser are translated; anything else is a gateway bug: a 500 with a generic message, and its
 * stack goes to the log only.
 */
export function errorHandler(logger: winston.Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const { requestId } = ensureRequestContext(req, res);
    const gatewayError = toGatewayError(err) ?? new InternalError();
    logError(logger, req, requestId, err, gatewayError);
    if (res.headersSent) {
      // Part of a response is already out: the only honest signal left is to cut the connection.
      res.destroy();
      return;
    }
    res.status(gatewayError.status).set(gatewayError.headers).json(errorBody(gatewayError, requestId));
  };
}

/** body-parser `type`s (see its README) to our errors. */
const BODY_PARSER_ERRORS: Record<string, () => GatewayError> = {
  'entity.too.large': () => new PayloadTooLargeError(),
  'entity.parse.failed': () => new InvalidJsonError(),
  'encoding.unsupported': () =>
    new UnsupportedMediaTypeError('Content-Encoding of the request is not supported'),
  'charset.unsupported': () => new UnsupportedMediaTypeError('Request body must be UTF-8 encoded JSON'),
  'request.size.invalid': () => new InvalidJsonError('Request body could not be read completely'),
  'request.aborted': () => new InvalidJsonError('Request body could not be read completely'),
};

/**
 * Client errors raised by Express itself (http-errors with `expose`), e.g. a path parameter that is
 * not valid percent-encoding. Their own messages are not ours to forward, so each gets a fixed one.
 */
const EXPOSED_CLIENT_ERRORS: Record<number, () => GatewayError> = {
  400: () => new ValidationError('Malformed request'),
  404: () => new NotFoundError('Not found'),
  413: () => new PayloadTooLargeError(),
  415: () => new UnsupportedMediaTypeError(),
};

export function toGatewayError(err: unknown): GatewayError | undefined {
  if (err instanceof GatewayError) return err;
  if (typeof err !== 'object' || err === null) return undefined;
  const { type, status, expose } = err as { type?: unknown; status?: unknown; expose?: unknown };
  if (typeof type === 'string' && BODY_PARSER_ERRORS[type]) return BODY_PARSER_ERRORS[type]();
  if (expose === true && typeof status === 'number') return EXPOSED_CLIENT_ERRORS[status]?.();
  // Express's router decodes path parameters and throws a URIError with status 400 but without
  // `expose` for bad percent-encoding: a client mistake, not a gateway bug.
  if (err instanceof URIError && status === 400) return EXPOSED_CLIENT_ERRORS[400]?.();
  return undefined;
}

function logError(
  logger: winston.Logger,
  req: Request,
  requestId: string,
  raw: unknown,
  err: GatewayError,
): void {
  const where = {
    method: req.method,
    path: loggablePath(req.originalUrl),
    request_id: requestId,
  };
  if (err.status === 500) {
    logger.error('internal error', {
      ...where,
      err: describeWithStack(raw),
      cause: describeWithStack(err.cause),
    });
  } else if (err.status >= 500) {
    logger.warn('upstream error', {
      ...where,
      status: err.status,
      status_code: err.code,
      error: err.message,
    });
  } else {
    logger.debug('request rejected', { ...where, status: err.status, status_code: err.code });
  }
}

/** Only for 500s: a gateway bug is not fixable without its stack. */
function describeWithStack(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof Error)) return { thrown: typeof value, value: String(value) };
  return { name: value.name, message: value.message, stack: value.stack };
}
