/**
 * The transports row's targets: GET one and GET list (100) make one Odoo call on every wire, and on the
 * wire `auto` picks (a session with a password on Odoo 17/18, JSON-2 with an API key on 19) answer in
 * a fraction of the time a plain XML-RPC client's naive calls take against the same Odoo.
 */
import type { TransportOpResult, TransportRun, TransportsRowResult } from '../rows/transports-row';
import { TargetCheck, worstOf } from './verdict';

/** gateway p50 ÷ naive XML-RPC p50, at most. */
export const NAIVE_P50_MAX_RATIO: Record<TransportOpResult['op'], number> = { 'get-one': 0.35, list: 0.3 };
/** The transports `auto` settles on when the server offers them; the ratio targets are theirs. */
export const STATEFUL_TRANSPORTS: readonly TransportRun['transport'][] = ['session', 'json2'];
const OP_LABEL: Record<TransportOpResult['op'], string> = { 'get-one': 'GET one', list: 'GET list (100)' };

export function checkTransportTargets(row: TransportsRowResult | undefined): TargetCheck[] {
  const runs = row?.runs.filter((run) => !run.skipped) ?? [];
  return [callsCheck(runs), ratioCheck(runs, 'get-one'), ratioCheck(runs, 'list')];
}

function callsCheck(runs: readonly TransportRun[]): TargetCheck {
  const values = runs.flatMap((run) =>
    run.ops.map((op) => {
      const calls = op.gateway.odooCallsPerRequest;
      return { label: `${run.transport} ${op.label}`, value: calls ?? NaN, ok: calls === 1 };
    }),
  );
  const check = worstOf(
    'transport-calls',
    'GET one and GET list (100): 1 Odoo call per request, on every transport',
    values,
    (calls) => (Number.isNaN(calls) ? 'not counted' : `${calls} calls`),
  );
  if (check.verdict !== 'met') return check;
  return { ...check, measured: `1 call each on ${runs.map((run) => run.transport).join(', ')}` };
}

function ratioCheck(runs: readonly TransportRun[], op: TransportOpResult['op']): TargetCheck {
  const limit = NAIVE_P50_MAX_RATIO[op];
  const values = runs
    .filter((run) => STATEFUL_TRANSPORTS.includes(run.transport))
    .flatMap((run) =>
      run.ops
        .filter((result) => result.op === op)
        .map((result) => ({
          label: run.transport,
          value: result.vsNaive.p50,
          ok: result.vsNaive.p50 <= limit,
        })),
    );
  return worstOf(
    `transport-${op}`,
    `${OP_LABEL[op]}: gateway p50 ≤ ${limit}× a plain XML-RPC client's naive calls (session on 17/18, JSON-2 on 19)`,
    values,
    (ratio) => `${ratio.toFixed(3)}×`,
  );
}
