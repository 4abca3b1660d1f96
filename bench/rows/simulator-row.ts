/**
 * The simulator's own throughput (issue: "with keep-alive it answers several thousand simple calls per
 * second on one core"), so that the gateway rows are known to measure the gateway, not the simulator.
 * autocannon sends raw XML-RPC `execute_kw` calls (a one-record `search_read`) over keep-alive
 * connections to the simulator's child process, which runs on one core.
 */
import type { BenchContext } from '../bench-context';
import { httpLoad } from '../load/http-load';
import { LoadSummary, summarize } from '../load/latency-stats';

export interface SimulatorRowResult {
  kind: 'simulator';
  call: string;
  connections: number;
  load: LoadSummary;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function searchReadCall(db: string, password: string): string {
  const str = (value: string) => `<param><value><string>${escape(value)}</string></value></param>`;
  return (
    '<?xml version="1.0"?><methodCall><methodName>execute_kw</methodName><params>' +
    `${str(db)}<param><value><int>2</int></value></param>${str(password)}${str('res.country')}${str('search_read')}` +
    '<param><value><array><data><value><array><data><value><array><data>' +
    '<value><string>code</string></value><value><string>=</string></value><value><string>BE</string></value>' +
    '</data></array></value></data></array></value></data></array></value></param>' +
    '<param><value><struct><member><name>fields</name><value><array><data>' +
    '<value><string>name</string></value><value><string>code</string></value>' +
    '</data></array></value></member></struct></value></param></params></methodCall>'
  );
}

export async function runSimulatorRow(context: BenchContext): Promise<SimulatorRowResult> {
  const { target, options } = context;
  context.progress('simulator: raw XML-RPC search_read calls, keep-alive');
  await target.setLatency(0);
  const body = searchReadCall(target.connection.db, target.connection.password);
  const sample = await httpLoad({
    url: target.connection.url,
    connections: options.connections,
    durationS: Math.max(2, options.durationS * 2),
    headers: { 'content-type': 'text/xml' },
    next: () => ({ method: 'POST', path: '/xmlrpc/2/object', body }),
  });
  return {
    kind: 'simulator',
    call: 'res.country search_read (1 record)',
    connections: options.connections,
    load: summarize(sample),
  };
}
