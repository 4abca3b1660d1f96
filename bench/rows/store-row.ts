/**
 * The store row: what the durable store costs a write. POST one (a new customer and a new
 * Idempotency-Key each time, so the store claims the key, keeps the reply and writes an audit row) at
 * 10 ms simulated Odoo latency and 1 connection, on gateway children that differ only in `store:`:
 * memory (SQLite in the process's memory: the same SQL, nothing on disk), embedded (the SQLite file, in
 * a temp folder deleted afterwards) and PostgreSQL (a temp database, when a server answers). The sides
 * take turns round by round; the embedded gateway's idle memory is read after its first request.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchContext } from '../bench-context';
import type { HttpRequestSpec } from '../load/http-load';
import { deleteCustomersByRefPrefix } from '../odoo/clean-up';
import { CallTally, sameCalls } from '../odoo/call-tally';
import { firstRequest } from '../processes/first-request';
import { startGatewayChild } from '../processes/gateway-child';
import { writeStoreConfig } from '../processes/store-config';
import { TempDatabase, createTempDatabase } from '../processes/store-postgres';
import type { ServerChild } from '../processes/server-child';
import { makeWorkload } from '../workloads';
import { settle } from './crud-row';
import { StoreGateway, StoreSideResult, measureStoreSides } from './store-sides';
import { idleRss } from './resource-rows';

export const STORE_LATENCY_MS = 10;

export interface StoreRowResult {
  kind: 'store';
  label: string;
  /** Simulated Odoo latency; undefined against a real Odoo (its own). */
  latencyMs?: number;
  connections: number;
  /** memory first: the reference of the others. */
  sides: StoreSideResult[];
  /** Every side made the same Odoo calls for one POST (undefined when they could not be counted). */
  sameCalls?: boolean;
  /** Why PostgreSQL is not among the sides. */
  postgresSkipped?: string;
}

export async function runStoreRow(context: BenchContext): Promise<StoreRowResult> {
  const latencyMs = context.target.simulated ? STORE_LATENCY_MS : 0;
  await context.target.setLatency(latencyMs);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-store-'));
  const gateways: StoreGateway[] = [];
  let database: TempDatabase | undefined;
  let postgresSkipped: string | undefined = 'off (BENCH_POSTGRES_URL=off)';
  try {
    context.progress('store: starting gateways with the memory and the embedded store');
    gateways.push(await startSide(context, 'memory', dir));
    gateways.push(await startSide(context, 'embedded', dir));
    if (context.options.storePostgresUrl) {
      const created = await createTempDatabase(context.options.storePostgresUrl);
      if ('skipped' in created) postgresSkipped = created.skipped;
      else {
        database = created;
        postgresSkipped = undefined;
        gateways.push(await startSide(context, 'postgres', dir, created.url));
      }
    }
    if (postgresSkipped) context.progress(`store: PostgreSQL skipped: ${postgresSkipped}`);
    for (const side of gateways) await firstRequest(side.gateway, context.headers);
    const idle = await Promise.all(gateways.map((side) => idleRss(side.gateway)));
    const sides = await measureStoreSides(context, gateways, latencyMs);
    sides.forEach((side, index) => (side.idleMb = idle[index]));
    const tallies = sides.map((side) => side.calls);
    return {
      kind: 'store',
      label: 'POST one',
      latencyMs: context.target.simulated ? latencyMs : undefined,
      connections: context.options.latencyConnections,
      sides,
      sameCalls: allSame(tallies),
      ...(postgresSkipped ? { postgresSkipped } : {}),
    };
  } finally {
    for (const side of gateways) await side.gateway.stop();
    await database?.drop().catch(() => context.progress('store: could not drop the temp database'));
    fs.rmSync(dir, { recursive: true, force: true });
    await settle(latencyMs);
    await deleteCustomersByRefPrefix(context.direct.exec, `${context.runTag}-ST-`);
  }
}

async function startSide(
  context: BenchContext,
  store: StoreGateway['store'],
  dir: string,
  storeUrl?: string,
): Promise<StoreGateway> {
  const choice = store === 'embedded' ? { type: store, path: path.join(dir, 'embedded') } : { type: store };
  const gateway: ServerChild = await startGatewayChild({
    configPath: writeStoreConfig(context.options.configPath, choice, dir),
    odoo: context.target.connection,
    protocol: context.options.gatewayProtocol,
    readPlan: 'classic',
    storeUrl,
  });
  return { store, gateway, next: postWithKey(context, store) };
}

/** POST one with a fresh customer and a fresh Idempotency-Key each time. */
function postWithKey(context: BenchContext, store: StoreGateway['store']): () => HttpRequestSpec {
  const workload = makeWorkload(
    'post',
    context.seededRefs,
    `${context.runTag}-ST-${store[0]?.toUpperCase()}`,
  );
  let n = 0;
  return () => ({
    ...workload.next().http,
    headers: { 'idempotency-key': `${context.runTag}-${store}-${++n}` },
  });
}

function allSame(tallies: readonly (CallTally | undefined)[]): boolean | undefined {
  const [first, ...rest] = tallies;
  if (!first || rest.some((tally) => !tally)) return undefined;
  return rest.every((tally) => tally && sameCalls(first, tally));
}
