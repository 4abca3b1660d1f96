/**
 * The store row's measurement: warm-up, one counted POST per side (the store makes no Odoo call, so
 * every side must make the same ones), then alternating rounds of POST one on each gateway.
 */
import { BenchContext, countCalls } from '../bench-context';
import { HttpRequestSpec, httpLoad } from '../load/http-load';
import { LoadSample, mergeSamples, round, summarize } from '../load/latency-stats';
import type { CallTally } from '../odoo/call-tally';
import type { ServerChild } from '../processes/server-child';
import type { StoreType } from '../../src/store/store-settings';
import { SideResult, settle } from './crud-row';

export interface StoreGateway {
  store: StoreType;
  gateway: ServerChild;
  /** The next request: a new customer and a new Idempotency-Key. */
  next: () => HttpRequestSpec;
}

export interface StoreSideResult extends SideResult {
  store: StoreType;
  /** Resident memory after start-up and the first request, then one quiet second. */
  idleMb?: number;
  /** This side ÷ the memory store (1 for memory itself). */
  vsMemory: { p50: number; p99: number };
  /** The Odoo calls of one POST, by kind. */
  calls?: CallTally;
}

/** `gateways[0]` is the memory store, the reference of the ratios. */
export async function measureStoreSides(
  context: BenchContext,
  gateways: readonly StoreGateway[],
  latencyMs: number,
): Promise<StoreSideResult[]> {
  const { options } = context;
  const load = (side: StoreGateway, durationS: number) =>
    httpLoad({
      url: side.gateway.url,
      connections: options.latencyConnections,
      durationS,
      headers: context.headers,
      next: side.next,
    });
  context.progress('store: warming up, checking calls');
  for (const side of gateways) await load(side, options.warmupS);
  const calls: (CallTally | undefined)[] = [];
  for (const side of gateways) {
    await settle(latencyMs);
    const counted = await countCalls({ ...context, gateway: side.gateway }, 'gateway', () =>
      postOnce(context, side),
    );
    calls.push(counted.calls);
  }
  const samples: LoadSample[][] = gateways.map(() => []);
  for (let pass = 0; pass < options.rounds; pass += 1) {
    const order = gateways.map((_, index) => index);
    if (pass % 2 === 1) order.reverse();
    for (const index of order) {
      const side = gateways[index] as StoreGateway;
      context.progress(`store: POST one on the ${side.store} store, round ${pass + 1}/${options.rounds}`);
      await settle(latencyMs);
      samples[index]?.push(await load(side, options.durationS));
    }
  }
  const summaries = samples.map((sideSamples) => summarize(mergeSamples(sideSamples)));
  const memory = summaries[0];
  return gateways.map((side, index) => {
    const summary = summaries[index] ?? summarize(mergeSamples([]));
    const tally = calls[index];
    const divide = (a: number, b: number | undefined) => (b ? round(a / b, 3) : 0);
    return {
      ...summary,
      ...(tally ? { odooCallsPerRequest: tally.total, calls: tally } : {}),
      store: side.store,
      vsMemory: { p50: divide(summary.p50Ms, memory?.p50Ms), p99: divide(summary.p99Ms, memory?.p99Ms) },
    };
  });
}

/** One POST, failing loudly: a store that refuses writes would make every figure meaningless. */
async function postOnce(context: BenchContext, side: StoreGateway): Promise<void> {
  const request = side.next();
  const response = await fetch(`${side.gateway.url}${request.path}`, {
    method: request.method,
    headers: { ...context.headers, ...request.headers },
    body: request.body,
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${side.store} store: POST ${request.path}: ${response.status} ${text.slice(0, 300)}`);
}
