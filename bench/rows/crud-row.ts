/**
 * One CRUD row: an operation at one Odoo latency, measured on each side in alternating rounds (so that
 * a noisy neighbour slows both), with the Odoo calls per request of each side from the same run.
 */
import { BenchContext, Side, countCalls } from '../bench-context';
import { httpLoad } from '../load/http-load';
import { directLoad } from '../load/direct-load';
import { LoadSample, LoadSummary, mergeSamples, round, summarize } from '../load/latency-stats';
import { CallTally, sameCalls } from '../odoo/call-tally';
import type { OdooExec } from '../odoo/odoo-exec';
import { CrudOpId, Workload, makeWorkload } from '../workloads';

export interface SideResult extends LoadSummary {
  /** Odoo calls of one request, counted exactly (undefined when they cannot be counted). */
  odooCallsPerRequest?: number;
}

export interface CrudRowResult {
  kind: 'crud';
  op: CrudOpId;
  label: string;
  latencyMs: number;
  connections: number;
  gateway: SideResult;
  express?: SideResult;
  direct: SideResult;
  /** gateway ÷ reference: above 1 is slower for latencies, below 1 is slower for req/s. */
  vsDirect: Ratios;
  vsExpress?: Ratios;
  /** One request of each side, call by call: the comparison is fair only if these agree. */
  callsOfOneRequest: Partial<Record<Side, CallTally>>;
  sameCallsAsGateway: boolean | undefined;
}

export interface Ratios {
  rps: number;
  p50: number;
  p99: number;
}

export async function runCrudRow(
  context: BenchContext,
  op: CrudOpId,
  latencyMs: number,
): Promise<CrudRowResult> {
  const { options } = context;
  const workload = makeWorkload(op, context.seededRefs, `${context.runTag}-L${latencyMs}`);
  const sides: Side[] = context.express ? ['gateway', 'express', 'direct'] : ['gateway', 'direct'];
  context.progress(`${workload.label} at ${latencyMs} ms: warming up, checking calls`);
  // Warm-up first: it also makes every side log in, so the check below sees only per-request calls.
  for (const side of sides)
    await measure(context, side, workload, options.warmupS, latencyMs, context.direct.exec);
  const callsOfOneRequest: Partial<Record<Side, CallTally>> = {};
  for (const side of sides) {
    await settle(latencyMs);
    const { calls } = await countCalls(context, side, (exec) => runOnce(context, side, workload, exec));
    if (calls) callsOfOneRequest[side] = calls;
  }

  const samples = new Map<Side, LoadSample[]>(sides.map((side) => [side, []]));
  for (let pass = 0; pass < options.rounds; pass += 1) {
    const order = pass % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      context.progress(`${workload.label} at ${latencyMs} ms: ${side}, round ${pass + 1}/${options.rounds}`);
      await settle(latencyMs);
      samples
        .get(side)
        ?.push(await measure(context, side, workload, options.durationS, latencyMs, context.direct.exec));
    }
  }
  const result = (side: Side): SideResult => {
    const summary = summarize(mergeSamples(samples.get(side) ?? []));
    const calls = callsOfOneRequest[side]?.total;
    return calls === undefined ? summary : { ...summary, odooCallsPerRequest: calls };
  };
  const gateway = result('gateway');
  const direct = result('direct');
  const express = context.express ? result('express') : undefined;
  const { gateway: gatewayCalls, direct: directCalls, express: expressCalls } = callsOfOneRequest;
  return {
    kind: 'crud',
    op,
    label: workload.label,
    latencyMs,
    connections: connectionsAt(context, latencyMs),
    gateway,
    express,
    direct,
    vsDirect: ratios(gateway, direct),
    vsExpress: express ? ratios(gateway, express) : undefined,
    callsOfOneRequest,
    sameCallsAsGateway:
      gatewayCalls && directCalls
        ? sameCalls(gatewayCalls, directCalls) && (!expressCalls || sameCalls(gatewayCalls, expressCalls))
        : undefined,
  };
}

/**
 * A load generator stops with requests still in flight on the server side; let them finish (and their
 * Odoo calls land) before the next side starts, so one side's tail never slows the next one.
 */
export function settle(latencyMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 200 + latencyMs * 10));
}

function ratios(side: LoadSummary, reference: LoadSummary): Ratios {
  const divide = (a: number, b: number) => (b > 0 ? round(a / b, 3) : 0);
  return {
    rps: divide(side.rps, reference.rps),
    p50: divide(side.p50Ms, reference.p50Ms),
    p99: divide(side.p99Ms, reference.p99Ms),
  };
}

/** Throughput at 0 ms (several connections), latency where Odoo has some (see BenchOptions). */
export function connectionsAt(context: BenchContext, latencyMs: number): number {
  const { options, target } = context;
  return target.simulated && latencyMs === 0 ? options.connections : options.latencyConnections;
}

function measure(
  context: BenchContext,
  side: Side,
  workload: Workload,
  durationS: number,
  latencyMs: number,
  exec: OdooExec,
): Promise<LoadSample> {
  const connections = connectionsAt(context, latencyMs);
  if (side === 'direct') return directLoad(connections, durationS, () => workload.next().direct(exec));
  const server = side === 'gateway' ? context.gateway : context.express;
  if (!server) throw new Error(`no ${side} server is running`);
  return httpLoad({
    url: server.url,
    connections,
    durationS,
    headers: context.headers,
    next: () => workload.next().http,
  });
}

/** One request, failing loudly: a side that errors would make every figure of the row meaningless. */
async function runOnce(context: BenchContext, side: Side, workload: Workload, exec: OdooExec) {
  const operation = workload.next();
  if (side === 'direct') return operation.direct(exec);
  const server = side === 'gateway' ? context.gateway : context.express;
  const response = await fetch(`${server?.url}${operation.http.path}`, {
    method: operation.http.method,
    headers: context.headers,
    body: operation.http.body,
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(
      `${side} ${operation.http.method} ${operation.http.path}: ${response.status} ${text.slice(0, 300)}`,
    );
}
