/**
 * `/bj_api_sync/v1/{endpoint}[/{id}]` in the order api.md fixes: unknown endpoint 404 → authentication
 * 401 → endpoint misconfigured 503 → method not enabled 405 (with Allow) → body 415/413/400 →
 * validation 400 → Odoo.
 * The configuration is read once per request, so a hot reload never changes it mid-request.
 */
import express, {
  ErrorRequestHandler,
  NextFunction,
  Request,
  RequestHandler,
  Response,
  Router,
} from 'express';
import { EndpointDef, GatewayConfig, HttpMethod } from '../config/types';
import {
  EndpointMisconfiguredError,
  MethodNotAllowedError,
  NotFoundError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors/errors';
import { createAuthMiddleware } from './auth';
import { MAX_BODY_DEPTH, nestsDeeperThan } from './json-depth';
import {
  HandlerInput,
  RecordDeps,
  handleCreate,
  handleDelete,
  handleGetOne,
  handleList,
  handleUpdate,
} from './endpoint-handlers';
import { RequestContext, ensureRequestContext, setContextEndpoint } from '../context/request-context';
import { CHANGES_PATH, handleChanges } from './changes-handler';
import type { BatchHandler } from './batch-handler';
import type { IdempotentWrapper } from './idempotency';
import { WriteReply, WriteRequest, sendReply } from './write-reply';
import { ResumeState } from '../records/write-outcome';

export interface EndpointRouterDeps {
  getConfig: () => GatewayConfig;
  /** What the handlers use; `context` counts the request's Odoo calls. */
  recordDeps: (config: GatewayConfig, context: RequestContext) => RecordDeps;
  /** Handles JSON array bodies (batches). */
  batch: BatchHandler;
  /** Wraps POST/PUT handling (Idempotency-Key). */
  idempotent: IdempotentWrapper;
  /** What ops must fix on an endpoint the configuration check found misconfigured; undefined: it serves. */
  misconfiguration?: (config: GatewayConfig, endpoint: string) => string | undefined;
}

interface Routed {
  config: GatewayConfig;
  endpoint: EndpointDef;
}

const authByEndpoint = new WeakMap<EndpointDef, RequestHandler>();
const parserByLimit = new Map<string, RequestHandler>();

export function createEndpointRouter(deps: EndpointRouterDeps): Router {
  const router = Router();
  const chain = [
    findEndpoint(deps),
    authenticate,
    refuseMisconfigured(deps),
    checkMethod,
    parseBody(),
    dispatch(deps),
  ];
  router.all('/:endpoint', ...chain);
  router.all('/:endpoint/:id', ...chain);
  router.use(malformedPath);
  return router;
}

/**
 * The router throws a URIError (status 400, but not marked `expose`) when `{endpoint}` or `{id}` is not
 * valid percent-encoding (`/customers/%E0%A4%A`); without this it would reach the error handler as a 500.
 */
const malformedPath: ErrorRequestHandler = (err: unknown, _req, _res, next) => {
  if (err instanceof URIError) return next(new ValidationError('The path is not valid percent-encoding'));
  next(err);
};

function routed(res: Response): Routed {
  return res.locals.routed as Routed;
}

function findEndpoint(deps: EndpointRouterDeps): RequestHandler {
  return (req, res, next) => {
    const config = deps.getConfig();
    const endpoint = config.endpoints.get(String(req.params.endpoint));
    if (!endpoint) throw new NotFoundError(`Unknown endpoint "${String(req.params.endpoint).slice(0, 64)}"`);
    setContextEndpoint(res, endpoint.name);
    res.locals.routed = { config, endpoint } satisfies Routed;
    next();
  };
}

function authenticate(req: Request, res: Response, next: NextFunction): void {
  const { endpoint } = routed(res);
  let middleware = authByEndpoint.get(endpoint);
  if (!middleware) {
    middleware = createAuthMiddleware(endpoint.auth, endpoint.name);
    authByEndpoint.set(endpoint, middleware);
  }
  middleware(req, res, next);
}

/**
 * After authentication, so only the endpoint's own clients read what ops must fix; before anything
 * else, so a caller never gets Odoo's complaint about the configuration as its own fault.
 */
function refuseMisconfigured(deps: EndpointRouterDeps): RequestHandler {
  return (_req, res, next) => {
    const { config, endpoint } = routed(res);
    const message = deps.misconfiguration?.(config, endpoint.name);
    if (message !== undefined) throw new EndpointMisconfiguredError(message);
    next();
  };
}

function checkMethod(req: Request, res: Response, next: NextFunction): void {
  const { endpoint } = routed(res);
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  const hasId = req.params.id !== undefined;
  const allowed = allowedMethods(endpoint, hasId);
  if (!allowed.includes(method as HttpMethod)) throw new MethodNotAllowedError(req.method, allowed);
  next();
}

/** Methods enabled on the endpoint that make sense for this path (`/{endpoint}` or `/{endpoint}/{id}`). */
export function allowedMethods(endpoint: EndpointDef, hasId: boolean): HttpMethod[] {
  // Without an id: GET lists, POST creates, PUT names the record in the body, DELETE in the query.
  // With an id: POST has no meaning.
  return endpoint.methods.filter((method) => !(hasId && method === 'POST'));
}

function parseBody(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST' && req.method !== 'PUT') return next();
    if (!req.is('application/json')) {
      const hasBody =
        req.headers['content-type'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
      if (hasBody || req.headers['transfer-encoding'] !== undefined) throw new UnsupportedMediaTypeError();
      throw new ValidationError('A JSON request body is required');
    }
    const limit = routed(res).config.settings.server.bodyLimit;
    let parser = parserByLimit.get(limit);
    if (!parser) {
      // Not strict: `42` or `"x"` is valid JSON (so not INVALID_JSON); runWrite answers that it is not an object.
      parser = express.json({ limit, strict: false, type: () => true });
      parserByLimit.set(limit, parser);
    }
    parser(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (nestsDeeperThan(req.body, MAX_BODY_DEPTH)) {
        return next(new ValidationError(`The request body nests deeper than ${MAX_BODY_DEPTH} levels`));
      }
      next();
    });
  };
}

function dispatch(deps: EndpointRouterDeps): RequestHandler {
  return async (req, res) => {
    const { config, endpoint } = routed(res);
    const input: HandlerInput = { deps: deps.recordDeps(config, ensureRequestContext(req, res)), endpoint, req, res };
    const hasId = req.params.id !== undefined;
    switch (req.method) {
      case 'GET':
      case 'HEAD':
        if (req.params.id === CHANGES_PATH) return handleChanges(input);
        return hasId ? handleGetOne(input) : handleList(input);
      case 'DELETE':
        return handleDelete(input);
      case 'POST':
      case 'PUT': {
        const method = req.method;
        const run = (resume?: ResumeState) => runWrite(deps, { ...input, resume }, method, hasId);
        return sendReply(res, await deps.idempotent(input, run));
      }
    }
  };
}

async function runWrite(
  deps: EndpointRouterDeps,
  input: WriteRequest,
  method: 'POST' | 'PUT',
  hasId: boolean,
): Promise<WriteReply> {
  if (Array.isArray(input.req.body)) {
    if (hasId) throw new ValidationError('A batch (JSON array) goes to the endpoint path, not to /{id}');
    return deps.batch(input, method);
  }
  if (typeof input.req.body !== 'object' || input.req.body === null) {
    throw new ValidationError('The request body must be a JSON object (or an array of objects for a batch)');
  }
  return method === 'POST' ? handleCreate(input) : handleUpdate(input);
}
