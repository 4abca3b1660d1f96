/**
 * createApp(deps): the whole HTTP surface, top-down in middleware order. No I/O at import, nothing
 * listens here (src/index.ts does), and every dependency is injected so tests build the real app
 * around the simulator.
 */
import express, { Express, RequestHandler } from 'express';
import winston from 'winston';
import { GatewayConfig } from './config/types';
import { createDocsRouter } from './docs/docs-routes';
import { errorHandler, notFoundHandler } from './errors/to-http';
import { accessLog } from './http/access-log';
import { createAuthMiddleware } from './http/auth';
import { EndpointRouterDeps, createEndpointRouter } from './http/endpoint-router';
import { RecordDeps } from './http/endpoint-handlers';
import { countOdooCall } from './http/request-context';
import { createRateLimit } from './http/rate-limit';
import { requestId } from './http/request-id';
import { GatewayMetrics } from './metrics/metrics';
import { ModelFieldsCache } from './records/model-fields-cache';
import { RelationCache } from './records/relation-cache';
import { OdooClient } from './odoo/odoo-client';

export interface AppDeps {
  /** The configuration in force now; read once per request so hot reloads swap it atomically. */
  getConfig: () => GatewayConfig;
  odoo: OdooClient;
  fields: ModelFieldsCache;
  logger: winston.Logger;
  metrics?: GatewayMetrics;
  testConnection?: RequestHandler;
  batch?: EndpointRouterDeps['batch'];
  idempotent?: EndpointRouterDeps['idempotent'];
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  // One cache for the app's life (a TTL bounds staleness); its TTL follows config reloads.
  const relationCache = new RelationCache(() => deps.getConfig().settings.relationCacheTtlMs);
  app.disable('x-powered-by');
  // Sync clients do not send If-None-Match, and hashing every body (40 KB for a page) costs CPU per request.
  app.set('etag', false);
  app.set('trust proxy', deps.getConfig().settings.server.trustProxy);
  app.set('query parser', 'extended');

  app.use(requestId());
  if (deps.metrics)
    app.use(deps.metrics.httpMiddleware({ isEndpoint: (name) => deps.getConfig().endpoints.has(name) }));
  app.use(accessLog(deps.logger));

  app.get('/health', (_req, res) => {
    res.json({ success: true, status: 'ok' });
  });
  const admin = adminAuth(deps.getConfig);
  // The admin routes count against the same per-client rate limit as the API.
  const rateLimit = createRateLimit(deps.getConfig);
  if (deps.testConnection) app.get('/bj_api_sync/test-connection', rateLimit, admin, deps.testConnection);
  if (deps.metrics) app.get('/metrics', rateLimit, admin, deps.metrics.handler());
  app.use(createDocsRouter(() => ({ config: deps.getConfig(), modelFields: deps.fields.settled() })));

  app.use(
    '/bj_api_sync/v1',
    rateLimit,
    createEndpointRouter({
      getConfig: deps.getConfig,
      recordDeps: (config) => recordDeps(deps, config, relationCache),
      batch: deps.batch,
      idempotent: deps.idempotent,
    }),
  );

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}

function recordDeps(deps: AppDeps, config: GatewayConfig, relationCache: RelationCache): RecordDeps {
  return {
    odoo: deps.odoo,
    fields: deps.fields,
    relationCache,
    lookup: (name) => config.mappings.get(name),
    onExpressionError: (key, message) =>
      deps.logger.warn('compute expression failed', { key, error: message }),
  };
}

/** The `admin` auth of gateway.yaml (protects test-connection and /metrics), following reloads. */
function adminAuth(getConfig: () => GatewayConfig): RequestHandler {
  const cache = new WeakMap<GatewayConfig, RequestHandler>();
  return (req, res, next) => {
    const config = getConfig();
    let middleware = cache.get(config);
    if (!middleware) {
      const auth = config.settings.admin?.auth ?? { type: 'none' as const };
      middleware = createAuthMiddleware(auth, 'admin');
      cache.set(config, middleware);
    }
    middleware(req, res, next);
  };
}

/** The Odoo client observer that counts calls per request (for the access log line). */
export const requestCallCounter = { onCallEnd: () => countOdooCall() };
