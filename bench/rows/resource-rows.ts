/**
 * Resource rows of the gateway process: resident memory (idle, under load, idle again) and start-up
 * time to the first served request, each from a child process running `node dist/src/index.js`.
 */
import type { BenchContext } from '../bench-context';
import { httpLoad } from '../load/http-load';
import { LoadSummary, percentile, round, summarize } from '../load/latency-stats';
import { startGatewayChild } from '../processes/gateway-child';
import { readPeakRssMb } from '../processes/proc-status';
import type { ServerChild } from '../processes/server-child';
import { CUSTOMERS_PATH, makeWorkload } from '../workloads';

export interface MemoryRowResult {
  kind: 'memory';
  /** After start-up and the first served request, then one quiet second. */
  idleMb?: number;
  /** Sampled every 50 ms while GET list and POST one run together. */
  underLoadPeakMb?: number;
  underLoadMeanMb?: number;
  load: LoadSummary;
  /** Two quiet seconds after that load. */
  idleAfterLoadMb?: number;
  /** VmHWM: the highest resident set over the whole bench run (the batch POST included). */
  peakWholeRunMb?: number;
}

export interface StartupRowResult {
  kind: 'startup';
  latencyMs: number;
  runs: number;
  /** Medians, from spawning `node` to the first 2xx answer. */
  toHealthMs: number;
  toFirstServedRequestMs: number;
  idleAfterStartMb?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function idleRss(gateway: ServerChild): Promise<number | undefined> {
  await sleep(1000);
  return gateway.rssMb();
}

export async function runMemoryRow(
  context: BenchContext,
  idleMb: number | undefined,
): Promise<MemoryRowResult> {
  const { gateway, options } = context;
  context.progress('memory: GET list and POST one under load');
  const samples: number[] = [];
  const timer = setInterval(() => {
    const mb = gateway.rssMb();
    if (mb !== undefined) samples.push(mb);
  }, 50);
  const list = makeWorkload('list', context.seededRefs, context.runTag);
  const post = makeWorkload('post', context.seededRefs, `${context.runTag}-M`);
  let n = 0;
  const durationS = Math.max(2, options.durationS * options.rounds);
  const sample = await httpLoad({
    url: gateway.url,
    connections: options.connections * 2,
    durationS,
    headers: context.headers,
    next: () => (n++ % 2 === 0 ? list : post).next().http,
  });
  clearInterval(timer);
  await sleep(2000);
  const sorted = Float64Array.from(samples).sort();
  return {
    kind: 'memory',
    idleMb,
    underLoadPeakMb: sorted.length ? sorted[sorted.length - 1] : undefined,
    underLoadMeanMb: sorted.length ? round(sorted.reduce((a, b) => a + b, 0) / sorted.length, 1) : undefined,
    load: summarize(sample),
    idleAfterLoadMb: gateway.rssMb(),
    peakWholeRunMb: readPeakRssMb(gateway.pid),
  };
}

export async function runStartupRow(context: BenchContext, latencyMs: number): Promise<StartupRowResult> {
  const health: number[] = [];
  const first: number[] = [];
  const idle: number[] = [];
  for (let run = 0; run < context.options.startupRuns; run += 1) {
    context.progress(`start-up at ${latencyMs} ms: run ${run + 1}/${context.options.startupRuns}`);
    const child = await startGatewayChild({
      configPath: context.options.configPath,
      odoo: context.target.connection,
    });
    try {
      health.push(child.readyMs);
      const response = await fetch(`${child.url}${CUSTOMERS_PATH}?limit=1`, { headers: context.headers });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`first GET answered ${response.status}`);
      first.push(performance.now() - child.spawnedAt);
      const mb = await idleRss(child);
      if (mb !== undefined) idle.push(mb);
    } finally {
      await child.stop();
    }
  }
  const median = (values: number[]) => round(percentile(Float64Array.from(values).sort(), 50), 1);
  return {
    kind: 'startup',
    latencyMs,
    runs: context.options.startupRuns,
    toHealthMs: median(health),
    toFirstServedRequestMs: median(first),
    idleAfterStartMb: idle.length ? median(idle) : undefined,
  };
}
