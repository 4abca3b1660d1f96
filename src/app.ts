/**
 * createApp(deps): the whole HTTP surface, top-down in middleware order, built from the gateway's real
 * dependencies — so the tests, which build it around the simulator, run the app users run. No I/O at
 * import and nothing listens here (src/gateway.ts does, for src/index.ts).
 */
import express, { Express, RequestHandler } from 'express';
import winston from 'winston';
import { GatewayConfig } from './config/types';
import { createDocsRouter } from './docs/docs-routes';
import { errorHandler, notFoundHandler } from './errors/to-http';
import { accessLog } from './http/access-log';
import { createAdminAccess } from './http/admin-access';
import { RequestContext } from './context/request-context';
import { createBatchHandler } from './http/batch-handler';
import { createCors } from './http/cors';
import { createEndpointRouter } from './http/endpoint-router';
import { RecordDeps } from './http/endpoint-handlers';
import { AuditRecorder, createAuditRecorder } from './http/audit-recorder';
import { createAuditHandler } from './http/audit-route';
import { auditTrail } from './http/audit-trail';
import { createIdempotency } from './http/idempotency';
import { createOutboundRouter } from './http/outbound-routes';
import { answeringLocks } from './http/store-errors';
import { createRateLimit } from './http/rate-limit';
import { requestId } from './http/request-id';
import { createTestConnectionHandler } from './http/test-connection';
import { GatewayMetrics } from './metrics/metrics';
import { ConfigHealth } from './ops/config-health';
import { ModelFieldsCache } from './records/model-fields-cache';
import { readDepsFor } from './records/read-deps';
import { RelationCache } from './records/relation-cache';
import { countedOdooClient } from './odoo/counted-odoo-client';
import { OdooCallObserver, OdooClient } from './odoo/odoo-client';
import { Store } from './store/store';

export interface AppDeps {
  /** The configuration in force now; read once per request so hot reloads swap it atomically. */
  getConfig: () => GatewayConfig;
  /** Built with `odooCallObserver(metrics)`, so the metrics and the access log count its calls. */
  odoo: OdooClient;
  /** Odoo field types; shared with the reload logic, which clears it when the mappings change. */
  fields: ModelFieldsCache;
  logger: winston.Logger;
  metrics: GatewayMetrics;
  /**
   * What outlives a process or is shared by replicas (docs/store.md): Idempotency-Key entries,
   * identifier locks, rate-limit counters, the audit trail. Opened once; outlives config reloads.
   */
  store: Store;
  /** Writes audit rows after the response; default: one on `store.audit` (close() should flush it). */
  auditRecorder?: AuditRecorder;
  /** How long a concurrent duplicate of an Idempotency-Key waits for the first request (default 5 s). */
  idempotency?: { waitMs?: number };
  /**
   * The configuration check's verdict (misconfigured endpoints answer 503, `/health` says degraded);
   * src/gateway.ts runs its checks. Default: one fed by test-connection only.
   */
  health?: ConfigHealth;
}

/** What the Odoo client tells about its calls: Prometheus metrics (each request counts its own calls). */
export function odooCallObserver(metrics: GatewayMetrics): OdooCallObserver {
  return {
    onQueueChange: (inFlight, queued) => metrics.observer.onQueueChange?.(inFlight, queued),
    onCallEnd: (info) => metrics.observer.onCallEnd?.(info),
  };
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  // One cache for the app's life (a TTL bounds staleness); its TTL follows config reloads.
  const relationCache = new RelationCache(() => deps.getConfig().settings.relationCacheTtlMs);
  const locks = answeringLocks(deps.store.locks);
  const audit =
    deps.auditRecorder ?? createAuditRecorder(deps.store.audit, deps.logger, deps.metrics.registry);
  app.disable('x-powered-by');
  // Sync clients do not send If-None-Match, and hashing every body (40 KB for a page) costs CPU per request.
  app.set('etag', false);
  app.set('trust proxy', deps.getConfig().settings.server.trustProxy);
  app.set('query parser', 'extended');

  app.use(requestId());
  app.use(createCors(deps.getConfig)); // before auth: a preflight carries no credentials
  app.use(deps.metrics.httpMiddleware({ isEndpoint: (name) => deps.getConfig().endpoints.has(name) }));
  app.use(accessLog(deps.logger));

  const health = deps.health ?? new ConfigHealth({ odoo: deps.odoo, logger: deps.logger });
  // Liveness: always 200, as a restart cannot fix a configuration; `degraded` names what ops must fix.
  app.get('/health', (_req, res) => {
    res.json({ success: true, ...health.status(deps.getConfig()) });
  });
  const admin = adminAuth(deps.getConfig);
  // The admin routes count against the same per-client rate limit as the API.
  const rateLimit = createRateLimit(deps.getConfig, deps.store);
  const testConnection = createTestConnectionHandler({
    getConfig: deps.getConfig,
    odoo: deps.odoo,
    onReport: (config, report) => health.record(config, report),
  });
  app.get('/bj_api_sync/test-connection', rateLimit, admin, testConnection);
  app.get('/metrics', rateLimit, admin, deps.metrics.handler());
  app.get('/bj_api_sync/audit', rateLimit, admin, createAuditHandler(deps.store.audit));
  app.use(
    '/bj_api_sync/outbound',
    rateLimit,
    admin,
    createOutboundRouter(deps.getConfig, deps.store.outbound),
  );
  app.use(createDocsRouter(() => ({ config: deps.getConfig(), modelFields: deps.fields.settled() })));

  app.use(
    '/bj_api_sync/v1',
    rateLimit,
    auditTrail(deps.getConfig, audit),
    createEndpointRouter({
      getConfig: deps.getConfig,
      // The store's locks: shared by every replica on PostgreSQL.
      recordDeps: (config, context) => ({ ...recordDeps(deps, config, context, relationCache), locks }),
      batch: createBatchHandler(),
      idempotent: idempotency(deps),
      misconfiguration: (config, endpoint) => health.misconfiguration(config, endpoint),
    }),
  );

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}

function recordDeps(
  deps: AppDeps,
  config: GatewayConfig,
  context: RequestContext,
  relationCache: RelationCache,
): RecordDeps {
  const odoo = countedOdooClient(deps.odoo, () => (context.odooCalls += 1));
  return {
    ...readDepsFor({ odoo, fields: deps.fields, logger: deps.logger }, config, context.requestId),
    relationCache,
  };
}

/** `Idempotency-Key` handling; its TTL is read at start, as the store is kept across reloads. */
function idempotency(deps: AppDeps) {
  const { logger } = deps;
  return createIdempotency(deps.store.idempotency, deps.getConfig().settings.idempotency, {
    waitMs: deps.idempotency?.waitMs,
    leaseMs: deps.getConfig().settings.idempotency.leaseSeconds * 1000,
    onStoreError: (error, requestId) =>
      logger.warn('idempotency store failed', {
        error: error instanceof Error ? error.message : String(error),
        request_id: requestId,
      }),
  });
}

/** The `admin` auth of gateway.yaml (protects test-connection and /metrics; admin-access.ts), following reloads. */
function adminAuth(getConfig: () => GatewayConfig): RequestHandler {
  const cache = new WeakMap<GatewayConfig, RequestHandler>();
  return (req, res, next) => {
    const config = getConfig();
    let middleware = cache.get(config);
    if (!middleware) {
      middleware = createAdminAccess(config.settings);
      cache.set(config, middleware);
    }
    middleware(req, res, next);
  };
}
