/**
 * The outbound push in /metrics: deliveries by outcome (counted by this process), and, read from the
 * store when scraped (so every replica shows the shared queue), queue depth and lag per endpoint
 * with an outbound block. Lag: now − the oldest change still pending; 0 when nothing is pending.
 */
import { Counter, Gauge, Registry } from 'prom-client';
import type { GatewayConfig } from '../config/types';
import type { OutboundQueue, QueueSummary } from '../store/outbound-queue';
import type { DeliveryOutcome } from './endpoint-sender';

export interface OutboundMetrics {
  count(endpoint: string, outcome: DeliveryOutcome): void;
}

export function createOutboundMetrics(
  registry: Registry,
  queue: OutboundQueue,
  getConfig: () => GatewayConfig,
  now: () => number = Date.now,
): OutboundMetrics {
  const registers = [registry];
  const deliveries = new Counter({
    name: 'gateway_outbound_deliveries_total',
    help: 'Outbound deliveries by endpoint and outcome (delivered, retried, dead), counted by this replica',
    labelNames: ['endpoint', 'outcome'] as const,
    registers,
  });
  let scrape: Promise<QueueSummary[]> | undefined;
  const pushing = () =>
    [...getConfig().endpoints.values()]
      .filter((endpoint) => endpoint.outbound)
      .map((endpoint) => endpoint.name);
  /** Per pushing endpoint, its queue (undefined: nothing queued); one store query per scrape for both gauges. */
  const perEndpoint = async (gauge: Gauge<string>, write: (name: string, queued?: QueueSummary) => void) => {
    scrape ??= queue.summary().finally(() => setImmediate(() => (scrape = undefined)));
    const rows = await scrape.catch(() => undefined);
    gauge.reset();
    if (!rows) return; // the store is down: no value rather than a wrong one
    for (const name of pushing())
      write(
        name,
        rows.find((row) => row.endpoint === name),
      );
  };
  const depth: Gauge<'endpoint' | 'state'> = new Gauge({
    name: 'gateway_outbound_queue_depth',
    help: 'Outbound deliveries waiting (pending) or given up (dead), by endpoint, in the shared store',
    labelNames: ['endpoint', 'state'] as const,
    registers,
    collect: () =>
      perEndpoint(depth, (endpoint, queued) => {
        depth.set({ endpoint, state: 'pending' }, queued?.pending ?? 0);
        depth.set({ endpoint, state: 'dead' }, queued?.dead ?? 0);
      }),
  });
  const lag: Gauge<'endpoint'> = new Gauge({
    name: 'gateway_outbound_lag_seconds',
    help: 'Seconds since the oldest change not yet delivered (pending) happened, by endpoint; 0 when none',
    labelNames: ['endpoint'] as const,
    registers,
    collect: () =>
      perEndpoint(lag, (endpoint, queued) => {
        const oldest = queued?.oldestPendingAt;
        lag.set({ endpoint }, oldest === undefined ? 0 : Math.max(0, (now() - oldest) / 1000));
      }),
  });
  for (const name of pushing()) {
    for (const outcome of ['delivered', 'retried', 'dead'] as const)
      deliveries.inc({ endpoint: name, outcome }, 0);
  }
  return { count: (endpoint, outcome) => deliveries.inc({ endpoint, outcome }) };
}
