import type { Request, RequestHandler, Response } from 'express';
import type winston from 'winston';
import { contextOf } from '../context/request-context';
import { loggablePath } from '../logging/loggable-path';

/** nginx's convention for "the client went away before we answered". */
const CLIENT_CLOSED_REQUEST = 499;

/**
 * One line per request, written when the response finishes or the connection closes first. Mount
 * it right after `requestId()`. Deliberately logs no headers and no bodies: only what an operator
 * needs to see traffic, latency and Odoo cost per endpoint.
 */
export function accessLog(logger: winston.Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    let written = false;
    const write = (): void => {
      if (written) return;
      written = true;
      logRequest(logger, req, res, Number(process.hrtime.bigint() - started) / 1e6);
    };
    res.once('finish', write);
    res.once('close', write);
    next();
  };
}

function logRequest(logger: winston.Logger, req: Request, res: Response, ms: number): void {
  const aborted = !res.writableFinished;
  const status = aborted ? CLIENT_CLOSED_REQUEST : res.statusCode;
  const context = contextOf(res);
  logger.log(status >= 500 ? 'warn' : 'info', 'request', {
    method: req.method,
    path: loggablePath(req.originalUrl),
    endpoint: context?.endpoint ?? null,
    status,
    ms: Math.round(ms * 10) / 10,
    request_id: context?.requestId ?? null,
    odoo_calls: context?.odooCalls ?? 0,
    ...(aborted ? { aborted: true } : {}),
  });
}
