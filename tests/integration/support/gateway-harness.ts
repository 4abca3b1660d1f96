/**
 * The real app over real HTTP, in front of the built-in simulator over the real XML-RPC wire, with the
 * shipped config/ (or another gateway.yaml). Captures the log output so tests can read it.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import path from 'node:path';
import { AppDeps, createApp, odooCallObserver } from '../../../src/app';
import { loadConfig } from '../../../src/config/load-config';
import { GatewayConfig } from '../../../src/config/types';
import { createAuditRecorder } from '../../../src/http/audit-recorder';
import { createLogger } from '../../../src/logging/create-logger';
import { createMetrics } from '../../../src/metrics/metrics';
import { createOdooClient } from '../../../src/odoo/create-odoo-client';
import { ModelFieldsCache } from '../../../src/records/model-fields-cache';
import {
  OdooVersion,
  RunningSimulator,
  SimulatorCall,
  SimulatorOptions,
  startSimulator,
} from '../../../src/simulator';
import type { OutboundService } from '../../../src/outbound/outbound-service';
import { startOutboundPush } from '../../../src/outbound/start-push';
import { openStore } from '../../../src/store/open-store';
import { Store } from '../../../src/store/store';
import { StoreSettings } from '../../../src/store/store-settings';

export const SHOP_TOKEN = 'shop-secret-token';
export const SHOP_AUTH = { Authorization: `Bearer ${SHOP_TOKEN}` };
export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface HarnessOptions {
  configPath?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** More simulator options (multiDb, latency...) on top of the demo seed; they win over odooVersion. */
  simulator?: SimulatorOptions;
  /** Replaces some of the app's real dependencies (e.g. an idempotency store that fails). */
  extraDeps?: Partial<AppDeps>;
  /** The simulated Odoo version (default: the simulator's, 18). */
  odooVersion?: OdooVersion;
  /** The gateway logs in with the simulator's API key instead of the password (JSON-2 needs it). */
  useApiKey?: boolean;
  /** The store the app uses; default memory (nothing left on disk). */
  store?: StoreSettings;
  /** Runs the outbound push too, as src/gateway.ts does (endpoints with an `outbound:` block). */
  outbound?: boolean;
}

export interface Harness {
  url: string;
  sim: RunningSimulator;
  config: GatewayConfig;
  logs: string[];
  store: Store;
  /** The outbound push, when `outbound` was asked for. */
  outbound?: OutboundService;
  /** The app's metrics, as /metrics serves them. */
  metricsText(): Promise<string>;
  /** Waits until the audit rows of the requests answered so far are written. */
  flushAudit(): Promise<void>;
  /** Object-service calls the simulator saw since the last `resetCalls()`. */
  objectCalls(): SimulatorCall[];
  resetCalls(): void;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sim = await startSimulator({
    seed: 'demo',
    keepAlive: true,
    version: options.odooVersion,
    ...options.simulator,
  });
  const config = loadConfig({
    configPath: options.configPath ?? path.join(REPO_ROOT, 'config/gateway.yaml'),
    env: {
      ODOO_URL: sim.url,
      ODOO_DB: sim.db,
      ODOO_USERNAME: sim.username,
      ODOO_PASSWORD: options.useApiKey ? sim.apiKey : sim.password,
      ...options.env,
    },
  });
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const logger = createLogger({ level: 'debug', format: 'json', stream });
  const metrics = createMetrics();
  const odoo = createOdooClient(
    { ...config.settings.odoo, timeoutMs: options.timeoutMs ?? config.settings.odoo.timeoutMs },
    odooCallObserver(metrics),
  );
  const store = await openStore(options.store ?? { type: 'memory' });
  const fields = new ModelFieldsCache(odoo);
  const auditRecorder = createAuditRecorder(store.audit, logger, metrics.registry);
  const app = createApp({
    getConfig: () => config,
    odoo,
    fields,
    logger,
    metrics,
    store,
    auditRecorder,
    ...options.extraDeps,
  });
  const outbound = options.outbound
    ? startOutboundPush({
        getConfig: () => config,
        odoo,
        fields,
        queue: store.outbound,
        logger,
        registry: metrics.registry,
      })
    : undefined;
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sim,
    config,
    logs,
    store,
    outbound,
    metricsText: () => metrics.registry.metrics(),
    flushAudit: () => auditRecorder.flush(),
    objectCalls: () => sim.controls.callLog().filter((call) => call.service === 'object'),
    resetCalls: () => sim.controls.clearCallLog(),
    close: async () => {
      await outbound?.close(0);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await auditRecorder.flush();
      await store.close();
      await odoo.close();
      await sim.close();
    },
  };
}
