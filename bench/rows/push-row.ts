/**
 * The push row: N customers changed "inside Odoo" (created by the direct XML-RPC client, CREATE_CHUNK
 * to a `create` call, not through the gateway) while a gateway child whose customers endpoint has an
 * `outbound:` block (batches of 100, a poll every second, HMAC) pushes them to a receiver in the bench
 * process. Measured from the first change made until the receiver holds every one of them: records/s,
 * POSTs, repeated events, and the Odoo calls the gateway made meanwhile (the direct client's own
 * calls taken out), hence Odoo calls per record. Runs at 10 ms simulated latency.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchContext, countCalls } from '../bench-context';
import { round } from '../load/latency-stats';
import { countingExec, emptyTally, tallyDelta } from '../odoo/call-tally';
import { deleteCustomersByRefPrefix } from '../odoo/clean-up';
import { partnerValsOf } from '../odoo/seed-customers';
import { startGatewayChild } from '../processes/gateway-child';
import type { ServerChild } from '../processes/server-child';
import {
  PUSH_BATCH_SIZE,
  PUSH_ENDPOINT,
  PUSH_INTERVAL_S,
  PUSH_SECRET_ENV,
  writePushConfig,
} from '../push/push-config';
import { PushReceiver, startPushReceiver } from '../push/push-receiver';
import { makeCustomers } from '../workloads';
import { settle } from './crud-row';

export const PUSH_LATENCY_MS = 10;
/** Partners per `create` call of the direct client. */
export const CREATE_CHUNK = 100;
/** After the last record arrived: how long late repeats are still counted. */
const TAIL_MS = 2 * PUSH_INTERVAL_S * 1000;
const START_TIMEOUT_MS = 30_000;
/** What an idle poll interval may cost: the feed read of one or two ticks (classic plan: a search_read). */
const IDLE_POLL_CALLS = 2;

export interface PushRowResult {
  kind: 'push';
  /** Simulated Odoo latency; undefined against a real Odoo (its own). */
  latencyMs?: number;
  records: number;
  batchSize: number;
  intervalS: number;
  createChunk: number;
  readPlan: string;
  /** First change made → the receiver holds every record; undefined when they did not all arrive. */
  seconds?: number;
  recordsPerSecond?: number;
  /** How long making the changes in Odoo took (the direct client's creates). */
  changeSeconds: number;
  /** Last change made → the receiver holds every record. */
  lagAfterLastChangeS?: number;
  /** Given up after this many seconds when not all arrived. */
  timeoutS: number;
  received: {
    ours: number;
    deliveries: number;
    repeatedDeliveries: number;
    events: number;
    duplicates: number;
    others: number;
    refused: number;
  };
  odooCalls?: number;
  odooCallsPerRecord?: number;
  callsByMethod?: Record<string, number>;
}

export async function runPushRow(context: BenchContext): Promise<PushRowResult> {
  const { options, target } = context;
  const records = options.pushSize;
  const latencyMs = target.simulated ? PUSH_LATENCY_MS : 0;
  await target.setLatency(latencyMs);
  const prefix = `${context.runTag}-PU`;
  const secret = randomBytes(24).toString('hex');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-push-'));
  const receiver = await startPushReceiver(secret, (record) =>
    String(record.customer_id ?? '').startsWith(`${prefix}-`),
  );
  let gateway: ServerChild | undefined;
  try {
    context.progress(`push: starting a gateway pushing ${PUSH_ENDPOINT} to ${receiver.url}`);
    gateway = await startGatewayChild({
      configPath: writePushConfig(options.configPath, receiver.url, dir),
      odoo: target.connection,
      protocol: options.gatewayProtocol,
      readPlan: options.readPlan,
      env: { [PUSH_SECRET_ENV]: secret },
    });
    await pushStarted(gateway);
    await startUpChecksDone(context, gateway);
    const vals = await partnerValsOf(context.direct.exec, makeCustomers(prefix, records));
    const timeoutS = Math.round(60 + records / 100);
    context.progress(
      `push: creating ${records} customers in Odoo, ${CREATE_CHUNK} a call; waiting for all at the receiver`,
    );
    const measured = await measure(context, gateway, receiver, vals, timeoutS);
    await new Promise((resolve) => setTimeout(resolve, TAIL_MS));
    const { eventIds: _ids, deliveryIds: _deliveries, ...received } = receiver.received;
    return {
      kind: 'push',
      latencyMs: target.simulated ? latencyMs : undefined,
      records,
      batchSize: PUSH_BATCH_SIZE,
      intervalS: PUSH_INTERVAL_S,
      createChunk: CREATE_CHUNK,
      readPlan: options.readPlan,
      timeoutS,
      received,
      ...measured,
    };
  } finally {
    await gateway?.stop();
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
    await settle(latencyMs);
    await deleteCustomersByRefPrefix(context.direct.exec, `${prefix}-`);
  }
}

type Measured = Pick<
  PushRowResult,
  | 'seconds'
  | 'recordsPerSecond'
  | 'changeSeconds'
  | 'lagAfterLastChangeS'
  | 'odooCalls'
  | 'odooCallsPerRecord'
  | 'callsByMethod'
>;

/** Makes the changes and waits for them at the receiver, counting the gateway's Odoo calls meanwhile. */
async function measure(
  context: BenchContext,
  gateway: ServerChild,
  receiver: PushReceiver,
  vals: readonly Record<string, unknown>[],
  timeoutS: number,
): Promise<Measured> {
  const own = emptyTally();
  const { result, calls } = await countCalls({ ...context, gateway }, 'gateway', async (exec) => {
    const counted = countingExec(exec, own);
    const started = performance.now();
    for (let start = 0; start < vals.length; start += CREATE_CHUNK) {
      await counted('res.partner', 'create', [vals.slice(start, start + CREATE_CHUNK)]);
    }
    const changed = performance.now();
    return { started, changed, arrived: await receiver.waitFor(vals.length, timeoutS * 1000) };
  });
  const { started, changed, arrived } = result;
  // The simulator logs every caller's calls: the direct client's creates are taken out.
  const gatewayCalls = calls && context.target.simulated ? tallyDelta(calls, own) : calls;
  const seconds = arrived === undefined ? undefined : (arrived - started) / 1000;
  return {
    changeSeconds: round((changed - started) / 1000, 3),
    ...(arrived === undefined || seconds === undefined
      ? {}
      : {
          seconds: round(seconds, 3),
          recordsPerSecond: round(vals.length / seconds, 1),
          lagAfterLastChangeS: round((arrived - changed) / 1000, 3),
        }),
    ...(gatewayCalls
      ? {
          odooCalls: gatewayCalls.total,
          odooCallsPerRecord: round(gatewayCalls.total / vals.length, 4),
          callsByMethod: gatewayCalls.byMethod,
        }
      : {}),
  };
}

/**
 * Resolves once the gateway's start-up check of its endpoints against Odoo (fields_get,
 * check_access_rights... of every model, in the background) is over: a one-off that is not the push's
 * cost. Then a poll interval sees at most the idle poller's own reads.
 */
async function startUpChecksDone(context: BenchContext, gateway: ServerChild): Promise<void> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const { calls } = await countCalls(
      { ...context, gateway },
      'gateway',
      () => new Promise((resolve) => setTimeout(resolve, PUSH_INTERVAL_S * 1000 + 200)),
    );
    if (!calls || calls.total <= IDLE_POLL_CALLS) return;
  }
  throw new Error('the push gateway kept calling Odoo for 30 s before any change was made');
}

/** Resolves once the push has read the feed a first time: changes from then on are sent. */
async function pushStarted(gateway: ServerChild): Promise<void> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const response = await fetch(`${gateway.url}/bj_api_sync/outbound`);
    const body = (await response.json()) as { data?: { endpoint: string; cursor_age_seconds: unknown }[] };
    const pushing = body.data?.find((entry) => entry.endpoint === PUSH_ENDPOINT);
    if (response.ok && pushing && pushing.cursor_age_seconds !== null) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the push gateway did not start reading the ${PUSH_ENDPOINT} change feed within 30 s`);
}
