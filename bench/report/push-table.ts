/** The push row in the printed table: records/s and Odoo calls per record of the outbound push. */
import type { PushRowResult } from '../rows/push-row';
import { Line, num } from './cells';

export function pushLines(row: PushRowResult): Line[] {
  const count = row.records.toLocaleString('en-US');
  const latency = row.latencyMs === undefined ? 'real Odoo' : `${row.latencyMs} ms Odoo`;
  const name = `Push ${count} changed customers · ${latency} · batches of ${row.batchSize}`;
  const { received } = row;
  const arrived =
    row.recordsPerSecond === undefined
      ? `INCOMPLETE: ${received.ours.toLocaleString('en-US')} of ${count} in ${row.timeoutS} s`
      : `${num(row.recordsPerSecond)} records/s`;
  const calls =
    row.odooCalls === undefined
      ? 'n/a'
      : `${row.odooCallsPerRecord} (${row.odooCalls.toLocaleString('en-US')} calls)`;
  const lines: Line[] = [
    [name, 'records/s, first change made → all at the receiver', arrived, '', ''],
    ['', `Odoo calls per record (the gateway’s; read plan ${row.readPlan})`, calls, '', ''],
    [
      '',
      'POSTs / repeated events at the receiver',
      `${received.deliveries.toLocaleString('en-US')} / ${received.duplicates}`,
      '',
      '',
    ],
    [
      '',
      `making the changes in Odoo (${row.createChunk} a create) / lag after the last`,
      `${row.changeSeconds.toFixed(2)} s / ${row.lagAfterLastChangeS === undefined ? 'n/a' : `${row.lagAfterLastChangeS.toFixed(2)} s`}`,
      '',
      '',
    ],
  ];
  if (received.refused > 0)
    lines.push(['', 'REFUSED POSTs (bad signature or body)', String(received.refused), '', '']);
  return lines;
}
