/**
 * Everything the rows share: options, the Odoo target, the running gateway and Express baseline, the
 * direct client, and one way to count the Odoo calls a piece of work makes, whichever side made them.
 */
import { CallTally, countingExec, emptyTally, tallyDelta, tallyFromMetrics } from './odoo/call-tally';
import type { DirectXmlRpcClient } from './odoo/direct-xmlrpc-client';
import type { OdooExec } from './odoo/odoo-exec';
import type { BenchOptions } from './options';
import type { OdooTarget } from './processes/odoo-target';
import type { ServerChild } from './processes/server-child';

export type Side = 'gateway' | 'express' | 'direct';

export interface BenchContext {
  options: BenchOptions;
  target: OdooTarget;
  gateway: ServerChild;
  express?: ServerChild;
  direct: DirectXmlRpcClient;
  /** Headers of every gateway request (the customers endpoint's bearer token). */
  headers: Record<string, string>;
  /** Unique per run, so identifiers never collide with an earlier run on a real Odoo. */
  runTag: string;
  /** Customers created before the rows, for GET one and PUT one. */
  seededRefs: string[];
  /** The gateway's `max_concurrency`, applied to the other sides too. */
  maxConcurrency: number;
  progress(message: string): void;
}

/**
 * Runs `work` and returns the Odoo calls it caused: from the simulator's call log when there is one,
 * else from the gateway's /metrics (gateway side) or a counter around the exec (direct side).
 * `exec` is what the direct side must use for its calls to be counted.
 */
export async function countCalls<T>(
  context: BenchContext,
  side: Side,
  work: (exec: OdooExec) => Promise<T>,
): Promise<{ result: T; calls: CallTally | undefined }> {
  const { target } = context;
  if (target.simulated) {
    await target.clearCalls();
    const result = await work(context.direct.exec);
    return { result, calls: await target.calls() };
  }
  if (side === 'direct') {
    const tally = emptyTally();
    const result = await work(countingExec(context.direct.exec, tally));
    return { result, calls: tally };
  }
  if (side === 'gateway') {
    const before = await gatewayCalls(context);
    const result = await work(context.direct.exec);
    return { result, calls: tallyDelta(await gatewayCalls(context), before) };
  }
  return { result: await work(context.direct.exec), calls: undefined };
}

async function gatewayCalls(context: BenchContext): Promise<CallTally> {
  const response = await fetch(`${context.gateway.url}/metrics`);
  if (!response.ok) throw new Error(`the gateway's /metrics answered ${response.status}`);
  return tallyFromMetrics(await response.text());
}
