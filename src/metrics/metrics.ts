/**
 * Prometheus metrics of the gateway, in a registry of their own (not prom-client's global one) so
 * that tests and several apps in one process never share counters. Every label value comes from a
 * bounded set: configured endpoint names, known methods, Odoo models of the config.
 */
import type { Request, RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { OdooCallInfo, OdooCallObserver, OdooConnectionInfo } from '../odoo/odoo-client';

/** Label of every request that is not one of the configured endpoints (docs, health, unknown paths). */
export const OTHER_ENDPOINT = 'other';

/** nginx's convention for "the client went away before we answered", as in the access log. */
const CLIENT_CLOSED_REQUEST = '499';

const KNOWN_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
const ENDPOINT_PATH = /^\/bj_api_sync\/v1\/([^/?#]+)/i; // Express routes paths case-insensitively

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const ODOO_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export interface HttpMetricsOptions {
  /** True when `name` is a configured endpoint now (asked per request, so it follows reloads). */
  isEndpoint?: (name: string) => boolean;
}

export interface GatewayMetrics {
  readonly registry: Registry;
  /** Give it to the Odoo client: counts calls, their latency, and calls in flight and queued. */
  readonly observer: OdooCallObserver;
  /** Mount early: measures every request when its response finishes (or its connection closes). */
  httpMiddleware(options?: HttpMetricsOptions): RequestHandler;
  recordReload(ok: boolean): void;
  /** The protocol the Odoo client settled on (until then the info series says `auto`). */
  recordOdooConnection(info: Pick<OdooConnectionInfo, 'protocol' | 'serverVersion'>): void;
  /** Serves the registry in the Prometheus text format (protect it with the admin auth). */
  handler(): RequestHandler;
}

export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const m = defineMetrics(registry);
  m.lastReload.setToCurrentTime(); // The gateway starts with a configuration it loaded successfully.
  return {
    registry,
    observer: {
      onQueueChange(inFlight: number, queued: number) {
        m.odooInFlight.set(inFlight);
        m.odooQueued.set(queued);
      },
      onCallEnd(info: OdooCallInfo) {
        const model = info.model ?? info.service;
        m.odooCalls.inc({ model, method: info.method, outcome: info.outcome });
        m.odooDuration.observe({ model, method: info.method }, info.ms / 1000);
      },
    },
    httpMiddleware: (options = {}) => httpMiddleware(m, options.isEndpoint ?? (() => false)),
    recordReload(ok: boolean) {
      m.reloads.inc({ result: ok ? 'success' : 'failure' });
      if (ok) m.lastReload.setToCurrentTime();
    },
    recordOdooConnection(info) {
      m.odooProtocol.reset();
      m.odooProtocol.set({ protocol: info.protocol, server_version: info.serverVersion }, 1);
    },
    handler: () => async (_req, res) => {
      res.set('Content-Type', registry.contentType);
      res.send(await registry.metrics());
    },
  };
}

type Metrics = ReturnType<typeof defineMetrics>;

function defineMetrics(registry: Registry) {
  const registers = [registry];
  const reloads = new Counter({
    name: 'gateway_config_reloads_total',
    help: 'Configuration reloads, by result (a failed reload keeps the running configuration)',
    labelNames: ['result'] as const,
    registers,
  });
  // Both series exist from the start, so alerts on failures see a 0 rather than nothing.
  reloads.inc({ result: 'success' }, 0);
  reloads.inc({ result: 'failure' }, 0);
  const odooProtocol = new Gauge({
    name: 'gateway_odoo_protocol_info',
    help: 'The protocol the gateway speaks to Odoo, and the server version (protocol "auto": not settled yet, Odoo not reached)',
    labelNames: ['protocol', 'server_version'] as const,
    registers,
  });
  odooProtocol.set({ protocol: 'auto', server_version: 'unknown' }, 1);
  return {
    httpRequests: new Counter({
      name: 'gateway_http_requests_total',
      help: 'HTTP requests by configured endpoint, method and status',
      labelNames: ['endpoint', 'method', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'gateway_http_request_duration_seconds',
      help: 'HTTP request latency by configured endpoint and method',
      labelNames: ['endpoint', 'method'] as const,
      buckets: HTTP_BUCKETS,
      registers,
    }),
    odooCalls: new Counter({
      name: 'gateway_odoo_calls_total',
      help: 'Calls to Odoo by model (or, for logins and version calls, the service: common, session, json2), method and outcome',
      labelNames: ['model', 'method', 'outcome'] as const,
      registers,
    }),
    odooDuration: new Histogram({
      name: 'gateway_odoo_call_duration_seconds',
      help: 'Latency of calls to Odoo by model (or, for logins and version calls, the service: common, session, json2) and method',
      labelNames: ['model', 'method'] as const,
      buckets: ODOO_BUCKETS,
      registers,
    }),
    odooInFlight: new Gauge({
      name: 'gateway_odoo_calls_in_flight',
      help: 'Calls to Odoo in flight',
      registers,
    }),
    odooQueued: new Gauge({
      name: 'gateway_odoo_calls_queued',
      help: 'Calls to Odoo waiting for a free slot (max_concurrency)',
      registers,
    }),
    reloads,
    odooProtocol,
    lastReload: new Gauge({
      name: 'gateway_config_last_reload_success_timestamp_seconds',
      help: 'When the configuration was last (re)loaded successfully',
      registers,
    }),
  };
}

function httpMiddleware(m: Metrics, isEndpoint: (name: string) => boolean): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    let done = false;
    const record = (): void => {
      if (done) return;
      done = true;
      const endpoint = endpointLabel(req, isEndpoint);
      const method = KNOWN_METHODS.has(req.method) ? req.method : OTHER_ENDPOINT;
      const status = res.writableFinished ? String(res.statusCode) : CLIENT_CLOSED_REQUEST;
      m.httpRequests.inc({ endpoint, method, status });
      m.httpDuration.observe({ endpoint, method }, Number(process.hrtime.bigint() - started) / 1e9);
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };
}

/** Never the raw path: an unknown name would make one series per URL a client cares to try. */
function endpointLabel(req: Request, isEndpoint: (name: string) => boolean): string {
  const name = ENDPOINT_PATH.exec(req.originalUrl)?.[1];
  return name !== undefined && isEndpoint(name) ? name : OTHER_ENDPOINT;
}
