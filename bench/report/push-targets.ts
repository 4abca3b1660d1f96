/**
 * The push row's target: pushing 10,000 changed customers in batches of 100 at 10 ms Odoo latency, the
 * gateway makes at most 0.05 Odoo calls per record (one feed page of 100 is one call on Odoo 17+,
 * 0.01 a record; the rest is room for the polls of an idle second and the classic plan's related
 * reads), every record arrives, and none arrives twice.
 */
import type { PushRowResult } from '../rows/push-row';
import type { TargetCheck } from './verdict';

export const PUSH_MAX_CALLS_PER_RECORD = 0.05;
export const PUSH_TARGET_RECORDS = 10_000;
export const PUSH_TARGET_LATENCY_MS = 10;

export function checkPushTarget(row: PushRowResult | undefined): TargetCheck {
  const id = 'push-calls';
  const target = `push 10,000 changes in batches of 100 at ${PUSH_TARGET_LATENCY_MS} ms: ≤ ${PUSH_MAX_CALLS_PER_RECORD} Odoo calls per record, each delivered once`;
  if (!row || row.records !== PUSH_TARGET_RECORDS || row.latencyMs !== PUSH_TARGET_LATENCY_MS)
    return { id, target, measured: '—', verdict: 'not measured' };
  const { received } = row;
  if (row.recordsPerSecond === undefined)
    return { id, target, measured: `${received.ours} of ${row.records} arrived`, verdict: 'missed' };
  const perRecord = row.odooCallsPerRecord;
  if (perRecord === undefined) return { id, target, measured: 'calls not counted', verdict: 'not measured' };
  const measured = `${perRecord} calls/record, ${received.duplicates} repeated, ${Math.round(row.recordsPerSecond)} records/s`;
  const ok = perRecord <= PUSH_MAX_CALLS_PER_RECORD && received.duplicates === 0;
  return { id, target, measured, verdict: ok ? 'met' : 'missed' };
}
