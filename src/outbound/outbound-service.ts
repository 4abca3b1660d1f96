/**
 * startOutbound: the outbound push of this process (docs/outbound.md). One worker per endpoint with
 * an `outbound:` block, started and stopped as config reloads add or remove them. Several replicas
 * run it side by side: the store's lease and claims share the work (src/store/sql-outbound-queue.ts).
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Registry } from 'prom-client';
import type winston from 'winston';
import type { GatewayConfig } from '../config/types';
import type { OutboundQueue } from '../store/outbound-queue';
import type { ChangeSource } from './change-source';
import type { DeliveryOutcome } from './endpoint-sender';
import { EndpointWorker } from './endpoint-worker';
import { createOutboundMetrics } from './outbound-metrics';

/** How often the set of pushing endpoints is compared with the configuration. */
const SYNC_EVERY_MS = 1000;

export interface OutboundOptions {
  getConfig: () => GatewayConfig;
  queue: OutboundQueue;
  source: ChangeSource;
  logger: winston.Logger;
  /** Where the outbound metrics go (the gateway's registry). */
  registry?: Registry;
}

export interface OutboundService {
  /** This replica's name in leases and claims. */
  readonly holder: string;
  /** Stops polling and claiming; POSTs in flight get `graceMs`, then their claims are left to expire. */
  close(graceMs: number): Promise<void>;
}

export function startOutbound(options: OutboundOptions): OutboundService {
  const holder = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  const metrics =
    options.registry && createOutboundMetrics(options.registry, options.queue, options.getConfig);
  const workers = new Map<string, EndpointWorker>();
  /** Workers a reload stopped: close() waits for them too, so none writes to a store being closed. */
  const stopping = new Set<Promise<void>>();
  const deps = {
    ...options,
    holder,
    onOutcome: (endpoint: string, outcome: DeliveryOutcome) => metrics?.count(endpoint, outcome),
  };
  let closed = false;
  const sync = (): void => {
    const config = options.getConfig();
    for (const endpoint of config.endpoints.values()) {
      if (endpoint.outbound && !workers.has(endpoint.name)) {
        const worker = new EndpointWorker(endpoint.name, deps);
        workers.set(endpoint.name, worker);
        // Its loops end by themselves when a reload drops the block: a later reload may bring it back.
        void worker.finished.then(() => {
          if (workers.get(endpoint.name) === worker) workers.delete(endpoint.name);
        });
      }
    }
    for (const [name, worker] of workers) {
      if (!config.endpoints.get(name)?.outbound) {
        workers.delete(name);
        const stopped = worker.stop(0).finally(() => stopping.delete(stopped));
        stopping.add(stopped);
      }
    }
  };
  sync();
  const timer = setInterval(() => {
    if (!closed) sync();
  }, SYNC_EVERY_MS);
  timer.unref();
  return {
    holder,
    async close(graceMs) {
      closed = true;
      clearInterval(timer);
      await Promise.all([...[...workers.values()].map((worker) => worker.stop(graceMs)), ...stopping]);
      workers.clear();
    },
  };
}
