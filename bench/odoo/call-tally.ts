/**
 * Odoo calls counted by kind (`res.partner.search_read`). The simulator's call log is the source of
 * truth; against a real Odoo the gateway's own /metrics counter and the direct client's count stand in.
 */
import type { OdooExec } from './odoo-exec';

export interface CallTally {
  total: number;
  byMethod: Record<string, number>;
}

export function emptyTally(): CallTally {
  return { total: 0, byMethod: {} };
}

export function addCall(tally: CallTally, kind: string, count = 1): void {
  tally.total += count;
  tally.byMethod[kind] = (tally.byMethod[kind] ?? 0) + count;
}

export function tallyOf(kinds: Iterable<string>): CallTally {
  const tally = emptyTally();
  for (const kind of kinds) addCall(tally, kind);
  return tally;
}

/** after − before, kind by kind (kinds that did not move are left out). */
export function tallyDelta(after: CallTally, before: CallTally): CallTally {
  const delta = emptyTally();
  for (const [kind, count] of Object.entries(after.byMethod)) {
    const moved = count - (before.byMethod[kind] ?? 0);
    if (moved !== 0) addCall(delta, kind, moved);
  }
  return delta;
}

export function sameCalls(a: CallTally, b: CallTally): boolean {
  const kinds = new Set([...Object.keys(a.byMethod), ...Object.keys(b.byMethod)]);
  return [...kinds].every((kind) => (a.byMethod[kind] ?? 0) === (b.byMethod[kind] ?? 0));
}

/** Wraps an exec so every call it sends is counted in `tally`. */
export function countingExec(exec: OdooExec, tally: CallTally): OdooExec {
  return (model, method, args, kwargs) => {
    addCall(tally, `${model}.${method}`);
    return exec(model, method, args, kwargs);
  };
}

const ODOO_CALLS_LINE = /^gateway_odoo_calls_total\{([^}]*)\}\s+([0-9.e+]+)$/;

/** The gateway's `gateway_odoo_calls_total` series from a Prometheus text exposition, by model.method. */
export function tallyFromMetrics(text: string): CallTally {
  const tally = emptyTally();
  for (const line of text.split('\n')) {
    const match = ODOO_CALLS_LINE.exec(line.trim());
    if (!match) continue;
    const labels = Object.fromEntries(
      [...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    const count = Number(match[2]);
    if (count > 0) addCall(tally, `${labels.model ?? '?'}.${labels.method ?? '?'}`, count);
  }
  return tally;
}
