/**
 * The targets, checked against the figures of this run only. A target whose row did not run
 * (filtered out, real Odoo without simulated latency, batch not available) is "not measured", never met.
 */
import type { CrudRowResult } from '../rows/crud-row';
import type { MemoryRowResult, StartupRowResult } from '../rows/resource-rows';
import type { SimulatorRowResult } from '../rows/simulator-row';
import type { SyncRowResult } from '../rows/sync-row';
import type { PushRowResult } from '../rows/push-row';
import type { StoreRowResult } from '../rows/store-row';
import type { TransportsRowResult } from '../rows/transports-row';
import { checkPushTarget } from './push-targets';
import { checkStoreTargets } from './store-targets';
import { checkTransportTargets } from './transport-targets';
import { TargetCheck, worstOf } from './verdict';

export type RowResult =
  | CrudRowResult
  | SyncRowResult
  | MemoryRowResult
  | StartupRowResult
  | SimulatorRowResult
  | TransportsRowResult
  | StoreRowResult
  | PushRowResult;

export type { TargetCheck };

const P50_LATENCY_MS = 10;
const P50_MAX_RATIO = 1.1;
const RPS_LATENCY_MS = 0;
const RPS_MIN_RATIO = 0.6;
const BATCH_MAX_CALLS = 5;
const BATCH_MIN_SPEEDUP = 20;
const IDLE_MAX_MB = 100;

export function checkTargets(rows: readonly RowResult[], simulated: boolean): TargetCheck[] {
  const crud = rows.filter((row): row is CrudRowResult => row.kind === 'crud');
  const sync = rows.filter((row): row is SyncRowResult => row.kind === 'sync');
  const memory = rows.find((row): row is MemoryRowResult => row.kind === 'memory');
  const checks: TargetCheck[] = [];
  const at10 = simulated ? crud.filter((row) => row.latencyMs === P50_LATENCY_MS) : [];
  checks.push(
    worstOf(
      'p50-overhead',
      `gateway p50 ≤ ${P50_MAX_RATIO}× direct XML-RPC at ${P50_LATENCY_MS} ms Odoo latency`,
      at10.map((row) => ({
        label: row.label,
        value: row.vsDirect.p50,
        ok: row.vsDirect.p50 <= P50_MAX_RATIO,
      })),
      (v) => `${v.toFixed(3)}×`,
    ),
  );
  const at0 = simulated ? crud.filter((row) => row.latencyMs === RPS_LATENCY_MS && row.vsExpress) : [];
  checks.push(
    worstOf(
      'rps-vs-express',
      `gateway req/s ≥ ${RPS_MIN_RATIO * 100}% of a minimal Express route at ${RPS_LATENCY_MS} ms`,
      at0.map((row) => ({
        label: row.label,
        value: row.vsExpress?.rps ?? 0,
        ok: (row.vsExpress?.rps ?? 0) >= RPS_MIN_RATIO,
      })),
      (v) => `${Math.round(v * 100)}%`,
    ),
  );
  // Against a real Odoo its own latency stands in for the simulated 10 ms.
  checks.push(batchCheck(simulated ? sync.find((row) => row.latencyMs === P50_LATENCY_MS) : sync[0]));
  checks.push({
    id: 'idle-memory',
    target: `idle resident memory < ${IDLE_MAX_MB} MB`,
    measured: memory?.idleMb !== undefined ? `${memory.idleMb} MB` : '—',
    verdict: memory?.idleMb === undefined ? 'not measured' : memory.idleMb < IDLE_MAX_MB ? 'met' : 'missed',
  });
  checks.push(
    ...checkTransportTargets(rows.find((row): row is TransportsRowResult => row.kind === 'transports')),
    ...checkStoreTargets(rows.find((row): row is StoreRowResult => row.kind === 'store')),
    checkPushTarget(rows.find((row): row is PushRowResult => row.kind === 'push')),
  );
  return checks;
}

function batchCheck(row: SyncRowResult | undefined): TargetCheck {
  const id = 'batch-sync';
  const target = `batch of 1,000: ≤ ${BATCH_MAX_CALLS} Odoo calls and ≥ ${BATCH_MIN_SPEEDUP}× faster than single POSTs at ${P50_LATENCY_MS} ms`;
  if (!row || row.batch.seconds === undefined) {
    return { id, target, measured: row?.batch.unavailable ?? '—', verdict: 'not measured' };
  }
  const calls = row.batch.odooCalls;
  const speedup = row.batchSpeedup.vsSingles;
  const measured = `${calls ?? '?'} calls, ${speedup ?? '?'}× faster (${row.records} records)`;
  if (calls === undefined || speedup === undefined || row.records !== 1000)
    return { id, target, measured, verdict: 'not measured' };
  return {
    id,
    target,
    measured,
    verdict: calls <= BATCH_MAX_CALLS && speedup >= BATCH_MIN_SPEEDUP ? 'met' : 'missed',
  };
}
