/**
 * Resource rows of the gateway process: resident memory (idle, under load, idle again) and start-up
 * time to the first served request, each from a child process running `node dist/src/index.js`.
 */
import type { BenchContext } from '../bench-context';
import { httpLoad } from '../load/http-load';
import { LoadSummary, percentile, round, summarize } from '../load/latency-stats';
import { startExpressBaselineChild, startGatewayChild } from '../processes/gateway-child';
import { readPeakRssMb } from '../processes/proc-status';
import type { ServerChild } from '../processes/server-child';
import { CUSTOMERS_PATH, makeWorkload } from '../workloads';

export interface MemoryRowResult {
  kind: 'memory';
  /** After start-up and the first served request, then one quiet second. */
  idleMb?: number;
  /** The minimal Express baseline (same Odoo client, no gateway features), measured the same way. */
  expressIdleMb?: number;
  /** Sampled every 50 ms while GET list and POST one run together. */
  underLoadPeakMb?: number;
  underLoadMeanMb?: number;
  load: LoadSummary;
  /** Two quiet seconds after that load. */
  idleAfterLoadMb?: number;
  /** VmHWM: the highest resident set over the whole bench run (the batch POST included). */
  peakWholeRunMb?: number;
}

export interface StartupFigures {
  /** Medians, from spawning `node` to the first 2xx answer. */
  toHealthMs: number;
  toFirstServedRequestMs: number;
  idleAfterStartMb?: number;
}

export interface StartupRowResult extends StartupFigures {
  kind: 'startup';
  latencyMs: number;
  runs: number;
  /** The minimal Express baseline, started the same way: what any Node service of this kind costs. */
  express: StartupFigures;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function idleRss(gateway: ServerChild): Promise<number | undefined> {
  await sleep(1000);
  return gateway.rssMb();
}

export async function runMemoryRow(
  context: BenchContext,
  idleMb: number | undefined,
  expressIdleMb: number | undefined,
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
    expressIdleMb,
    underLoadPeakMb: sorted.length ? sorted[sorted.length - 1] : undefined,
    underLoadMeanMb: sorted.length ? round(sorted.reduce((a, b) => a + b, 0) / sorted.length, 1) : undefined,
    load: summarize(sample),
    idleAfterLoadMb: gateway.rssMb(),
    peakWholeRunMb: readPeakRssMb(gateway.pid),
  };
}

export async function runStartupRow(context: BenchContext, latencyMs: number): Promise<StartupRowResult> {
  const gateway: Timings = { health: [], first: [], idle: [] };
  const express: Timings = { health: [], first: [], idle: [] };
  const { configPath, startupRuns } = context.options;
  for (let run = 0; run < startupRuns; run += 1) {
    context.progress(`start-up at ${latencyMs} ms: run ${run + 1}/${startupRuns}`);
    const odoo = context.target.connection;
    const protocol = context.options.gatewayProtocol;
    await timeStartup(context, gateway, () =>
      startGatewayChild({ configPath, odoo, protocol, readPlan: 'classic' }),
    );
    await timeStartup(context, express, () =>
      startExpressBaselineChild(odoo, context.maxConcurrency, protocol),
    );
  }
  return { kind: 'startup', latencyMs, runs: startupRuns, ...medians(gateway), express: medians(express) };
}

interface Timings {
  health: number[];
  first: number[];
  idle: number[];
}

async function timeStartup(context: BenchContext, timings: Timings, start: () => Promise<ServerChild>) {
  const child = await start();
  try {
    timings.health.push(child.readyMs);
    const response = await fetch(`${child.url}${CUSTOMERS_PATH}?limit=1`, { headers: context.headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`first GET answered ${response.status}`);
    timings.first.push(performance.now() - child.spawnedAt);
    const mb = await idleRss(child);
    if (mb !== undefined) timings.idle.push(mb);
  } finally {
    await child.stop();
  }
}

function medians(timings: Timings): StartupFigures {
  const median = (values: number[]) => round(percentile(Float64Array.from(values).sort(), 50), 1);
  return {
    toHealthMs: median(timings.health),
    toFirstServedRequestMs: median(timings.first),
    idleAfterStartMb: timings.idle.length ? median(timings.idle) : undefined,
  };
}
