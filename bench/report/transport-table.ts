/** The transports row in the printed table: per Odoo, per wire, GET one and GET list beside naive XML-RPC. */
import type { SideResult } from '../rows/crud-row';
import type { TransportOpResult, TransportRun, TransportsRowResult } from '../rows/transports-row';
import { Line, ms, ratio } from './cells';

const WIRE: Record<TransportRun['transport'], string> = {
  xmlrpc: 'XML-RPC',
  jsonrpc: '/jsonrpc',
  session: 'session',
  json2: 'JSON-2',
};

export function transportsLines(row: TransportsRowResult): Line[] {
  const lines: Line[] = [];
  let odoo: string | undefined;
  for (const run of row.runs) {
    const name = run.odoo === odoo ? '' : `Transports · ${run.odoo} · ${latencyModel(row)}`;
    odoo = run.odoo;
    lines.push(...runLines(name, run));
  }
  const plan = row.readPlan.applied
    ? `${row.readPlan.asked} (odoo.read_plan)`
    : 'classic (this gateway has no odoo.read_plan)';
  lines.push(['', 'gateway read plan', plan, '', '']);
  return lines;
}

function latencyModel(row: TransportsRowResult): string {
  const latency =
    row.latencyMs === undefined ? '' : `${row.latencyMs} ms/call + ${row.statelessMs ?? 0} ms stateless · `;
  return `${latency}${row.connections} conn.`;
}

function runLines(name: string, run: TransportRun): Line[] {
  if (run.skipped) return [[name, `${WIRE[run.transport]}: skipped`, run.skipped, '', '']];
  return run.ops.flatMap((op, index) => opLines(index === 0 ? name : '', run, op));
}

function opLines(name: string, run: TransportRun, op: TransportOpResult): Line[] {
  const lines: Line[] = [
    [
      name,
      `${op.label} over ${WIRE[run.transport]} vs naive XML-RPC: p50 (p99) ms, Odoo calls`,
      figures(op.gateway),
      figures(op.naive),
      ratio(op.vsNaive.p50),
    ],
  ];
  if (op.gateway.errors + op.naive.errors > 0)
    lines.push(['', 'FAILED requests (see JSON)', String(op.gateway.errors), String(op.naive.errors), '']);
  return lines;
}

function figures(side: SideResult): string {
  const calls = side.odooCallsPerRequest;
  const count = calls === undefined ? 'calls n/a' : `${calls} call${calls === 1 ? '' : 's'}`;
  return `${ms(side.p50Ms)} (${ms(side.p99Ms)}) · ${count}`;
}
