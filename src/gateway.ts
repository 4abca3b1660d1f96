/**
 * startGateway: the process-level parts around the app — the Odoo client (or the built-in simulator in
 * demo mode), the listening server, hot reload, the background checks against Odoo — and one
 * `close()` that shuts it all down gracefully. src/index.ts is the process around it; a few tests
 * (reload, shutdown, metrics) call it directly.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { settingsNeedingRestart } from './config/restart-settings';
import { drain, listen } from './http/server-lifecycle';
import { ConfigHealth } from './ops/config-health';
import winston from 'winston';
import { createApp, odooCallObserver } from './app';
import { watchConfig } from './config/config-watcher';
import { GatewayConfig } from './config/types';
import { modelsOf } from './mapping/fields-catalog';
import { createMetrics } from './metrics/metrics';
import { createOdooClient } from './odoo/create-odoo-client';
import type { OdooCallObserver } from './odoo/odoo-client';
import { ConnectionAnnouncer, createConnectionAnnouncer } from './ops/connection-announcer';
import { ModelFieldsCache } from './records/model-fields-cache';
import { createAuditRecorder } from './http/audit-recorder';
import { openGatewayStore } from './gateway-store';
import { startOutboundPush } from './outbound/start-push';
import type { StoreSettings } from './store/store-settings';
import type { RunningSimulator } from './simulator';

export interface GatewayOptions {
  config: GatewayConfig;
  logger: winston.Logger;
  /** Watch the config files and reload on change (and expose reload() for SIGHUP). */
  watch?: { configPath: string; env: Record<string, string | undefined> };
  /** Port override (0 for a random port in tests); default the config's. */
  port?: number;
  /** Interval of the config re-checks against Odoo while one is unknown or degraded; default 60 s. */
  recheckMs?: number;
  /** The environment: `STORE_URL` there selects PostgreSQL (src/index.ts passes process.env). */
  env?: NodeJS.ProcessEnv;
  /** Store settings instead of the configuration's (tests: `{ type: 'memory' }`). */
  store?: StoreSettings;
}

export interface RunningGateway {
  url: string;
  server: Server;
  simulator?: RunningSimulator;
  current(): GatewayConfig;
  reload(): Promise<boolean>;
  close(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { logger } = options;
  let current = options.config;
  const odooSettings = current.settings.odoo;
  const gatewayStore = await openGatewayStore(current.settings, logger, {
    env: options.env,
    override: options.store,
  });
  const simulator = odooSettings.url ? undefined : await startDemoSimulator(logger);
  const metrics = createMetrics();
  const announcer = createConnectionAnnouncer(logger, (info) => metrics.recordOdooConnection(info));
  const odoo = createOdooClient(
    simulator
      ? {
          ...odooSettings,
          url: simulator.url,
          db: simulator.db,
          username: simulator.username,
          password: simulator.password,
        }
      : odooSettings,
    withConnectionAnnouncer(odooCallObserver(metrics), announcer),
  );
  const fields = new ModelFieldsCache(odoo);
  const health = new ConfigHealth({ odoo, logger, recheckMs: options.recheckMs });
  const auditRecorder = createAuditRecorder(gatewayStore.store.audit, logger, metrics.registry);
  const app = createApp({
    health,
    getConfig: () => current,
    odoo,
    fields,
    logger,
    metrics,
    store: gatewayStore.store,
    auditRecorder,
  });

  const watcher = options.watch
    ? watchConfig({
        ...options.watch,
        onReload: (config) => {
          const ignored = settingsNeedingRestart(current.settings, config.settings);
          if (ignored.length > 0) {
            logger.warn(
              'configuration reloaded, but these gateway.yaml sections only apply after a restart',
              {
                sections: ignored,
              },
            );
          }
          current = config;
          fields.clear();
          primeFieldTypes(fields, config);
          metrics.recordReload(true);
          logger.info('configuration reloaded', { endpoints: [...config.endpoints.keys()] });
          checkInBackground(health, config, logger);
        },
        onError: (error) => {
          metrics.recordReload(false);
          logger.error('configuration reload rejected; the previous configuration keeps serving', {
            error: errorText(error),
          });
        },
      })
    : undefined;

  const { host, port } = current.settings.server;
  const server = await listen(app, options.port ?? port, host);
  // Pushes changes of the endpoints with an `outbound:` block (docs/outbound.md); follows reloads.
  const outbound = startOutboundPush({
    getConfig: () => current,
    odoo,
    fields,
    queue: gatewayStore.store.outbound,
    logger,
    registry: metrics.registry,
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${address.port}`;
  logger.info('gateway listening', { url, endpoints: [...current.endpoints.keys()] });
  const announced = announcer.start(odoo); // which protocol, and why: logged once, never holds the start
  // The checks that need Odoo (fields exist, types fit, access rights), in the background: a slow or
  // absent Odoo must not hold the start; test-connection and config:check run the same checks. Their
  // verdict takes misconfigured endpoints out of service (config-health.ts).
  primeFieldTypes(fields, current);
  checkInBackground(health, current, logger);
  health.watch(() => current);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      watcher?.close();
      // Stop taking requests and claiming deliveries first; the background check ends when the Odoo client closes.
      const timeoutMs = current.settings.shutdownTimeoutMs;
      await Promise.all([drain(server, timeoutMs, logger), outbound.close(timeoutMs)]);
      // The answered requests' audit rows go in before the store closes.
      await auditRecorder.flush();
      await gatewayStore.close();
      await odoo.close();
      await health.close();
      await announced;
      await announcer.stop();
      await simulator?.close();
    })();
    return closing;
  };
  return {
    url,
    server,
    simulator,
    current: () => current,
    reload: () => watcher?.reloadNow() ?? Promise.resolve(false),
    close,
  };
}

async function startDemoSimulator(logger: winston.Logger): Promise<RunningSimulator> {
  // Loaded only in demo mode: a gateway in front of a real Odoo does not pay for the simulator's modules.
  const { startSimulator } = await import('./simulator');
  const simulator = await startSimulator({ seed: 'demo', keepAlive: true });
  const banner =
    'DEMO MODE: no ODOO_URL is set, so the gateway runs on its BUILT-IN ODOO SIMULATOR with demo data. Nothing is written to a real Odoo. Set ODOO_URL, ODOO_DB, ODOO_USERNAME and ODOO_PASSWORD to connect a real one.';
  logger.warn(banner, { simulator_url: simulator.url });
  return simulator;
}

/** The app's observer, plus the announcer's look at each call (a first success after a failed start). */
function withConnectionAnnouncer(
  observer: OdooCallObserver,
  announcer: ConnectionAnnouncer,
): OdooCallObserver {
  return {
    ...observer,
    onCallEnd: (info) => {
      observer.onCallEnd?.(info);
      announcer.onCallEnd(info);
    },
  };
}

/** Fetches every mapped model's field types in the background, so the first requests and the docs have them. */
function primeFieldTypes(fields: ModelFieldsCache, config: GatewayConfig): void {
  const models = [...config.mappings.values()].flatMap((mapping) => [
    ...modelsOf(mapping, (name) => config.mappings.get(name)),
  ]);
  fields.catalog(models).catch(() => undefined); // Odoo down: requests fetch them later, and report the failure.
}

function checkInBackground(health: ConfigHealth, config: GatewayConfig, logger: winston.Logger): void {
  health
    .check(config)
    .catch((error: unknown) => logger.error('config check against Odoo failed', { error: errorText(error) }));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
