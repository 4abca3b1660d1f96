/**
 * The one table `npm run bench` prints (Markdown, so it pastes into docs/benchmarks.md and the README):
 * every figure next to its reference from the same run, and the ratio between them.
 */
import type { CrudRowResult, SideResult } from '../rows/crud-row';
import type { MemoryRowResult, StartupRowResult } from '../rows/resource-rows';
import type { SimulatorRowResult } from '../rows/simulator-row';
import type { SyncRowResult, SyncVariant } from '../rows/sync-row';
import { Line, mb, ms, num, ratio } from './cells';
import type { RowResult, TargetCheck } from './targets';
import { pushLines } from './push-table';
import { storeLines } from './store-table';
import { transportsLines } from './transport-table';

const HEADER: Line = ['Row', 'Measure', 'Gateway', 'Reference', 'Gateway ÷ reference'];

export function renderTable(
  rows: readonly RowResult[],
  simulated: boolean,
  targets: readonly TargetCheck[],
): string {
  const lines: Line[] = [...rows.flatMap((row) => linesOf(row, simulated)), ...targetLines(targets)];
  const widths = HEADER.map((_, column) =>
    Math.max(...[HEADER, ...lines].map((line) => line[column]?.length ?? 0)),
  );
  const format = (line: Line) =>
    `| ${line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`; // Prettier's Markdown style
  return [format(HEADER), rule, ...lines.map(format)].join('\n');
}

function linesOf(row: RowResult, simulated: boolean): Line[] {
  switch (row.kind) {
    case 'crud':
      return crudLines(row, simulated);
    case 'sync':
      return syncLines(row, simulated);
    case 'memory':
      return memoryLines(row);
    case 'startup':
      return startupLines(row, simulated);
    case 'simulator':
      return simulatorLines(row);
    case 'transports':
      return transportsLines(row);
    case 'store':
      return storeLines(row);
    case 'push':
      return pushLines(row);
  }
}

function latency(ms: number, simulated: boolean): string {
  return simulated ? `${ms} ms Odoo` : 'real Odoo';
}

function crudLines(row: CrudRowResult, simulated: boolean): Line[] {
  const name = `${row.label} · ${latency(row.latencyMs, simulated)} · ${row.connections} conn.`;
  const lines: Line[] = [
    [name, 'req/s vs direct XML-RPC', num(row.gateway.rps), num(row.direct.rps), ratio(row.vsDirect.rps)],
    ['', 'p50 ms vs direct XML-RPC', ms(row.gateway.p50Ms), ms(row.direct.p50Ms), ratio(row.vsDirect.p50)],
    ['', 'p99 ms vs direct XML-RPC', ms(row.gateway.p99Ms), ms(row.direct.p99Ms), ratio(row.vsDirect.p99)],
  ];
  if (row.express && row.vsExpress) {
    lines.push([
      '',
      'req/s vs minimal Express route',
      num(row.gateway.rps),
      num(row.express.rps),
      ratio(row.vsExpress.rps),
    ]);
    lines.push([
      '',
      'p50 ms vs minimal Express route',
      ms(row.gateway.p50Ms),
      ms(row.express.p50Ms),
      ratio(row.vsExpress.p50),
    ]);
  }
  const same =
    row.sameCallsAsGateway === undefined ? '' : row.sameCallsAsGateway ? ' (same calls)' : ' (CALLS DIFFER)';
  lines.push(['', `Odoo calls per request vs direct${same}`, calls(row.gateway), calls(row.direct), '']);
  const errors = row.gateway.errors + row.direct.errors + (row.express?.errors ?? 0);
  if (errors > 0)
    lines.push(['', 'FAILED requests (see JSON)', String(row.gateway.errors), String(row.direct.errors), '']);
  return lines;
}

function syncLines(row: SyncRowResult, simulated: boolean): Line[] {
  const { batch, singles, naive } = row;
  const count = row.records.toLocaleString('en-US');
  const name = `Sync ${count} customers · ${latency(row.latencyMs, simulated)}`;
  if (batch.seconds === undefined) {
    return [
      [name, 'wall time: batch POST', batch.unavailable ?? 'not available', '', ''],
      ['', `wall time: ${count} single POSTs vs naive direct`, secs(singles), secs(naive), ''],
      ['', `Odoo calls: ${count} single POSTs vs naive direct`, callCount(singles), callCount(naive), ''],
    ];
  }
  return [
    [
      name,
      `wall time: batch POST vs ${count} single POSTs`,
      secs(batch),
      secs(singles),
      speedup(row.batchSpeedup.vsSingles),
    ],
    [
      '',
      'wall time: batch POST vs naive direct XML-RPC',
      secs(batch),
      secs(naive),
      speedup(row.batchSpeedup.vsNaive),
    ],
    ['', `Odoo calls: batch POST vs ${count} single POSTs`, callCount(batch), callCount(singles), ''],
    ['', 'Odoo calls: batch POST vs naive direct XML-RPC', callCount(batch), callCount(naive), ''],
  ];
}

function memoryLines(row: MemoryRowResult): Line[] {
  return [
    [
      'Gateway memory (RSS)',
      'idle, after the first request, vs Express route',
      mb(row.idleMb),
      mb(row.expressIdleMb),
      mbRatio(row.idleMb, row.expressIdleMb),
    ],
    [
      '',
      `under load (${num(row.load.rps)} req/s): peak / mean`,
      `${mb(row.underLoadPeakMb)} / ${mb(row.underLoadMeanMb)}`,
      '',
      '',
    ],
    ['', 'idle again, 2 s after the load', mb(row.idleAfterLoadMb), '', ''],
    ['', 'peak over the whole run (VmHWM)', mb(row.peakWholeRunMb), '', ''],
  ];
}

function startupLines(row: StartupRowResult, simulated: boolean): Line[] {
  const { express } = row;
  return [
    [
      `Start-up · ${latency(row.latencyMs, simulated)}`,
      `spawn → first served request, vs Express route (median of ${row.runs})`,
      `${row.toFirstServedRequestMs} ms`,
      `${express.toFirstServedRequestMs} ms`,
      ratio(row.toFirstServedRequestMs / express.toFirstServedRequestMs),
    ],
    [
      '',
      'spawn → /health answers',
      `${row.toHealthMs} ms`,
      `${express.toHealthMs} ms`,
      ratio(row.toHealthMs / express.toHealthMs),
    ],
  ];
}

function simulatorLines(row: SimulatorRowResult): Line[] {
  return [
    [
      `Simulator alone · ${row.connections} conn.`,
      `XML-RPC ${row.call}, keep-alive: calls/s, p50`,
      `${num(row.load.rps)} calls/s, ${row.load.p50Ms.toFixed(2)} ms`,
      '',
      '',
    ],
  ];
}

function targetLines(targets: readonly TargetCheck[]): Line[] {
  const mark = { met: 'MET', missed: 'MISSED', 'not measured': 'not measured' } as const;
  return targets.map((check, index) => [
    index === 0 ? 'Targets (issue)' : '',
    check.target,
    check.measured,
    '',
    mark[check.verdict],
  ]);
}

const speedup = (value: number | undefined) => (value === undefined ? '' : `${value}× faster`);
const mbRatio = (a: number | undefined, b: number | undefined) => (a && b ? ratio(a / b) : '');
const calls = (side: SideResult) =>
  side.odooCallsPerRequest === undefined ? 'n/a' : String(side.odooCallsPerRequest);
const secs = (v: SyncVariant) =>
  v.seconds === undefined ? (v.unavailable ?? 'n/a') : `${v.seconds.toFixed(2)} s`;
const callCount = (v: SyncVariant) =>
  v.odooCalls === undefined
    ? 'n/a'
    : `${v.odooCalls.toLocaleString('en-US')} (${v.odooCallsPerRecord}/record)`;
