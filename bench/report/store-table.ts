/** The store row in the printed table: each durable store beside the memory store, POST one. */
import type { StoreRowResult } from '../rows/store-row';
import type { StoreSideResult } from '../rows/store-sides';
import { Line, mb, ms, ratio } from './cells';

const NAME: Record<StoreSideResult['store'], string> = {
  memory: 'memory',
  embedded: 'embedded (SQLite file)',
  postgres: 'PostgreSQL',
};

export function storeLines(row: StoreRowResult): Line[] {
  const latency = row.latencyMs === undefined ? 'real Odoo' : `${row.latencyMs} ms Odoo`;
  const memory = row.sides.find((side) => side.store === 'memory');
  if (!memory) return [];
  const lines: Line[] = row.sides
    .filter((side) => side !== memory)
    .flatMap((side) => sideLines(side, memory));
  if (row.postgresSkipped) lines.push(['', 'PostgreSQL: skipped', row.postgresSkipped, '', '']);
  const same = row.sameCalls === undefined ? '' : row.sameCalls ? ' (same calls)' : ' (CALLS DIFFER)';
  const embedded = row.sides.find((side) => side.store === 'embedded');
  if (embedded) {
    lines.push(['', `Odoo calls per request, embedded vs memory${same}`, calls(embedded), calls(memory), '']);
    lines.push([
      '',
      'idle RSS after the first request, embedded vs memory',
      mb(embedded.idleMb),
      mb(memory.idleMb),
      embedded.idleMb && memory.idleMb ? ratio(embedded.idleMb / memory.idleMb) : '',
    ]);
  }
  const failed = row.sides.filter((side) => side.errors > 0);
  if (failed.length > 0)
    lines.push([
      '',
      'FAILED requests (see JSON)',
      failed.map((s) => `${s.store} ${s.errors}`).join(', '),
      '',
      '',
    ]);
  const [first, ...rest] = lines;
  return first
    ? [[`Store · POST one · ${latency} · ${row.connections} conn.`, ...first.slice(1)] as Line, ...rest]
    : [];
}

function sideLines(side: StoreSideResult, memory: StoreSideResult): Line[] {
  return [
    [
      '',
      `p50 ms: ${NAME[side.store]} vs memory store`,
      ms(side.p50Ms),
      ms(memory.p50Ms),
      ratio(side.vsMemory.p50),
    ],
    [
      '',
      `p99 ms: ${NAME[side.store]} vs memory store`,
      ms(side.p99Ms),
      ms(memory.p99Ms),
      ratio(side.vsMemory.p99),
    ],
  ];
}

const calls = (side: StoreSideResult) =>
  side.odooCallsPerRequest === undefined ? 'n/a' : String(side.odooCallsPerRequest);
