/**
 * bench/results/latest.json (every raw figure) and latest.md (the printed table): the record of the
 * last run. Earlier runs live in git history, not as a growing pile of snapshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RowResult, TargetCheck } from './targets';

export interface RunMeta {
  date: string;
  command: string;
  odoo: 'built-in simulator' | 'real Odoo';
  /** How the gateway (and the Express baseline) talk to Odoo; the direct client always uses XML-RPC. */
  gatewayProtocol: 'xmlrpc' | 'jsonrpc';
  node: string;
  cpus: string;
  commit?: string;
  uncommittedSourceFiles?: string[];
  options: Record<string, unknown>;
  /** How the sides were run, so the figures can be read without the source. */
  method: Record<string, string>;
  durationS?: number;
}

export interface RunResults {
  meta: RunMeta;
  rows: RowResult[];
  targets: TargetCheck[];
  table: string;
}

export function writeResults(outDir: string, results: RunResults): string {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'latest.json');
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'latest.md'), markdownOf(results));
  return file;
}

function dirty(meta: RunMeta): string {
  const count = meta.uncommittedSourceFiles?.length ?? 0;
  return count > 0 ? ` with ${count} uncommitted source file${count > 1 ? 's' : ''}` : '';
}

function markdownOf(results: RunResults): string {
  const { meta } = results;
  return [
    `Measured ${meta.date} with \`${meta.command}\` against the ${meta.odoo}, the gateway speaking`,
    `${meta.gatewayProtocol === 'jsonrpc' ? 'JSON-RPC' : 'XML-RPC'} to Odoo`,
    `(Node ${meta.node}, ${meta.cpus}${meta.commit ? `, commit ${meta.commit}${dirty(meta)}` : ''}).`,
    '',
    results.table,
    '',
  ].join('\n');
}
