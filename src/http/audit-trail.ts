/**
 * Audits every write to `/bj_api_sync/v1` (POST, PUT, DELETE) once its answer is sent: keeps the JSON
 * body the answer carried, then hands the rows (audit-events.ts) to the recorder, which writes them
 * after the response. Mounted before the endpoint router; requests to unknown endpoints are not audited.
 */
import type { Request, RequestHandler, Response } from 'express';
import { GatewayConfig } from '../config/types';
import { contextOf } from '../context/request-context';
import { identifierOf } from '../records/record-lookup';
import { callerOf } from './audit-caller';
import { FinishedWrite, auditEvents } from './audit-events';
import { AuditRecorder } from './audit-recorder';
import { IDEMPOTENCY_HEADER } from './idempotency';

const AUDITED = new Set(['POST', 'PUT', 'DELETE']);
/** nginx's convention, as in the access log: the client went away before the answer. */
const CLIENT_CLOSED_REQUEST = 499;

export function auditTrail(getConfig: () => GatewayConfig, recorder: AuditRecorder): RequestHandler {
  return (req, res, next) => {
    const settings = getConfig().settings.audit;
    if (!settings.enabled || !AUDITED.has(req.method)) return next();
    const at = Date.now();
    const started = process.hrtime.bigint();
    const pathIdentifier = identifierInPath(req.path);
    let responseBody: unknown;
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      responseBody = body;
      return json(body);
    };
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      const facts = { at, pathIdentifier, responseBody, payloads: settings, started };
      const write = finishedWrite(getConfig(), req, res, facts);
      if (write) recorder.add(auditEvents(write));
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}

interface Facts {
  at: number;
  started: bigint;
  pathIdentifier: string | undefined;
  responseBody: unknown;
  payloads: GatewayConfig['settings']['audit'];
}

function finishedWrite(
  config: GatewayConfig,
  req: Request,
  res: Response,
  facts: Facts,
): FinishedWrite | undefined {
  const context = contextOf(res);
  const endpoint = context?.endpoint === undefined ? undefined : config.endpoints.get(context.endpoint);
  if (!endpoint) return undefined;
  const identifierKey = identifierOf(endpoint).key;
  const status = res.writableFinished ? res.statusCode : CLIENT_CLOSED_REQUEST;
  const queried = req.method === 'DELETE' ? req.query[identifierKey] : undefined;
  return {
    at: facts.at,
    endpoint: endpoint.name,
    method: req.method,
    caller: status === 401 ? undefined : callerOf(req),
    identifierKey,
    pathIdentifier: facts.pathIdentifier ?? (typeof queried === 'string' ? queried : undefined),
    requestBody: req.body,
    status,
    responseBody: facts.responseBody,
    requestId: context?.requestId,
    idempotencyKey: req.get(IDEMPOTENCY_HEADER)?.slice(0, 255),
    durationMs: Number(process.hrtime.bigint() - facts.started) / 1e6,
    odooCalls: context?.odooCalls ?? 0,
    ...(facts.payloads.payloads ? { payloadMaxChars: facts.payloads.payloadMaxChars } : {}),
  };
}

/** `{id}` of `/{endpoint}/{id}` (the path below the mount point), decoded. */
function identifierInPath(path: string): string | undefined {
  const segment = path.split('/')[2];
  if (!segment) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
