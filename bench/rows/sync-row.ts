/**
 * The sync row: the same N customers (country + tags) pushed three ways at one Odoo latency: one batch
 * POST through the gateway, N single POSTs through the gateway (one at a time, like a simple sync
 * script), and a naive direct XML-RPC client (one lookup per relation and one create per record).
 */
import { BenchContext, Side, countCalls } from '../bench-context';
import { errorText } from '../load/error-text';
import { round } from '../load/latency-stats';
import { settle } from './crud-row';
import type { CallTally } from '../odoo/call-tally';
import type { CustomerBody } from '../odoo/customer-calls';
import { naiveSync } from '../odoo/naive-sync';
import { CUSTOMERS_PATH, makeCustomers } from '../workloads';

export interface SyncVariant {
  /** Undefined when the variant could not run (see `unavailable`). */
  seconds?: number;
  odooCalls?: number;
  odooCallsPerRecord?: number;
  callsByMethod?: Record<string, number>;
  /** Why there is no figure, e.g. the gateway does not accept batches (yet). */
  unavailable?: string;
}

export interface SyncRowResult {
  kind: 'sync';
  latencyMs: number;
  records: number;
  batch: SyncVariant;
  singles: SyncVariant;
  naive: SyncVariant;
  /** How many times faster the batch is than each other variant. */
  batchSpeedup: { vsSingles?: number; vsNaive?: number };
}

export async function runSyncRow(context: BenchContext, latencyMs: number): Promise<SyncRowResult> {
  const records = context.options.syncSize;
  const prefix = `${context.runTag}-L${latencyMs}`;
  const label = `sync ${records} customers at ${latencyMs} ms`;
  // Requests of the row before may still be running in the gateway; their calls must not count here.
  await settle(latencyMs);
  context.progress(`${label}: one batch POST`);
  const batch = await variant(context, 'gateway', records, () =>
    batchPost(context, makeCustomers(`${prefix}-B`, records)),
  );
  context.progress(`${label}: ${records} single POSTs`);
  const singles = await variant(context, 'gateway', records, () =>
    singlePosts(context, makeCustomers(`${prefix}-S`, records)),
  );
  context.progress(`${label}: naive direct XML-RPC`);
  const naive = await variant(context, 'direct', records, async (exec) => {
    await naiveSync(exec, makeCustomers(`${prefix}-N`, records));
    return undefined;
  });
  const speedup = (other: SyncVariant) =>
    batch.seconds && other.seconds ? round(other.seconds / batch.seconds, 1) : undefined;
  return {
    kind: 'sync',
    latencyMs,
    records,
    batch,
    singles,
    naive,
    batchSpeedup: { vsSingles: speedup(singles), vsNaive: speedup(naive) },
  };
}

async function variant(
  context: BenchContext,
  side: Side,
  records: number,
  work: Parameters<typeof countCalls<string | undefined>>[2],
): Promise<SyncVariant> {
  const started = performance.now();
  const { result: unavailable, calls } = await countCalls(context, side, work);
  const seconds = (performance.now() - started) / 1000;
  if (unavailable) return { unavailable };
  return { seconds: round(seconds, 3), ...callFigures(calls, records) };
}

function callFigures(calls: CallTally | undefined, records: number): Partial<SyncVariant> {
  if (!calls) return {};
  return {
    odooCalls: calls.total,
    odooCallsPerRecord: round(calls.total / records, 3),
    callsByMethod: calls.byMethod,
  };
}

/** One POST with a JSON array. Resolves to a reason when the gateway does not take batches. */
async function batchPost(context: BenchContext, customers: CustomerBody[]): Promise<string | undefined> {
  const response = await fetch(`${context.gateway.url}${CUSTOMERS_PATH}`, {
    method: 'POST',
    headers: context.headers,
    body: JSON.stringify(customers),
  });
  const text = await response.text();
  if (response.status === 400 && /batch/i.test(text)) {
    return `batch not available: the gateway answered 400 "${errorText(text, 160)}"`;
  }
  if (!response.ok) throw new Error(`batch POST answered ${response.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { created?: number; failed?: number };
  if (body.created !== customers.length) {
    throw new Error(
      `batch POST created ${String(body.created)} of ${customers.length} (failed: ${String(body.failed)})`,
    );
  }
  return undefined;
}

async function singlePosts(context: BenchContext, customers: CustomerBody[]): Promise<undefined> {
  for (const customer of customers) {
    const response = await fetch(`${context.gateway.url}${CUSTOMERS_PATH}`, {
      method: 'POST',
      headers: context.headers,
      body: JSON.stringify(customer),
    });
    const text = await response.text();
    if (response.status !== 201)
      throw new Error(`single POST answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return undefined;
}
