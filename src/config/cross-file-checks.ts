/** Checks across endpoint and mapping files: unique names, `mapping` references, nesting cycles. */
import { ConfigProblem } from './config-error';
import { didYouMean } from './did-you-mean';
import { RawEndpointFile } from './raw-types';
import { reporterFor } from './report';
import { YamlSource } from './yaml-source';

export interface CheckedFile {
  source: YamlSource;
  /** Undefined when the file failed its own checks. */
  value?: RawEndpointFile;
  /** The name as written, even when the file is otherwise invalid (so references to it still resolve). */
  name?: { kind: 'endpoint' | 'mapping'; name: string };
}

interface Edge {
  target: string;
  lineIndex: number;
}

function checkNames(files: readonly CheckedFile[], problems: ConfigProblem[]): Map<string, CheckedFile> {
  const byName = new Map<string, CheckedFile>();
  for (const file of files) {
    if (!file.name) continue;
    const first = byName.get(file.name.name);
    if (first) {
      const where = `${first.source.file}:${first.source.lineOf([first.name?.kind ?? 'endpoint'])}`;
      reporterFor(file.source, problems)(
        [file.name.kind],
        `"${file.name.name}" is already the name of ${where}`,
        'endpoint and mapping names are unique across files',
      );
    } else {
      byName.set(file.name.name, file);
    }
  }
  return byName;
}

function checkReferences(
  files: readonly CheckedFile[],
  names: readonly string[],
  problems: ConfigProblem[],
): void {
  for (const file of files) {
    file.value?.fields.forEach((line, index) => {
      if (line.mapping === undefined || names.includes(line.mapping)) return;
      const hint = didYouMean(line.mapping, names) ?? `known: ${names.join(', ') || 'none'}`;
      reporterFor(file.source, problems)(
        ['fields', index, 'mapping'],
        `no endpoint or mapping is named "${line.mapping}"`,
        hint,
      );
    });
  }
}

function edgesOf(file: CheckedFile): Edge[] {
  return (file.value?.fields ?? []).flatMap((line, lineIndex) =>
    line.mapping === undefined ? [] : [{ target: line.mapping, lineIndex }],
  );
}

/** Every elementary cycle reached by depth-first search, each reported once from its smallest name. */
function findCycles(byName: ReadonlyMap<string, CheckedFile>): Array<{ names: string[]; edges: Edge[] }> {
  const cycles = new Map<string, { names: string[]; edges: Edge[] }>();
  const done = new Set<string>();
  const stack: Array<{ name: string; edge?: Edge }> = [];
  const visit = (name: string): void => {
    const file = byName.get(name);
    if (!file || done.has(name)) return;
    for (const edge of edgesOf(file)) {
      const at = stack.findIndex((entry) => entry.name === edge.target);
      if (at >= 0 || edge.target === name) {
        const loop = [...stack.slice(at >= 0 ? at : stack.length), { name, edge }];
        const names = loop.map((entry) => entry.name);
        const start = names.indexOf([...names].sort()[0] ?? name);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        const key = rotated.map((entry) => entry.name).join('>');
        if (!cycles.has(key)) {
          cycles.set(key, {
            names: rotated.map((entry) => entry.name),
            edges: rotated.map((entry) => entry.edge as Edge),
          });
        }
        continue;
      }
      stack.push({ name, edge });
      visit(edge.target);
      stack.pop();
    }
    if (stack.length === 0) done.add(name);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return [...cycles.values()];
}

export function checkAcrossFiles(files: readonly CheckedFile[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const byName = checkNames(files, problems);
  checkReferences(files, [...byName.keys()].sort(), problems);
  for (const cycle of findCycles(byName)) {
    const first = cycle.names[0] ?? '';
    const file = byName.get(first);
    const edge = cycle.edges[0];
    if (!file || !edge) continue;
    reporterFor(file.source, problems)(
      ['fields', edge.lineIndex, 'mapping'],
      `mapping cycle ${[...cycle.names, first].join(' → ')}: nested mappings must end`,
      'use `relation` on one of these lines to refer to records by a field instead of nesting them',
    );
  }
  return problems;
}
