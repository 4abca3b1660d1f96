/**
 * Reads one YAML file and keeps its syntax tree, so that any later step (joi, cross-file checks) can
 * point at the line of a key path such as `fields[2].direction`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { ConfigProblem } from './config-error';

export type KeyPath = readonly (string | number)[];

export interface YamlSource {
  absPath: string;
  /** Relative to the working directory, as shown in error messages. */
  file: string;
  data: unknown;
  /** 1-based line of the deepest existing node along `keyPath` (the key itself for map entries). */
  lineOf(keyPath: KeyPath): number;
  /**
   * Lines of every key and list item below `keyPath`, by key path relative to it (`relation.match`,
   * `domain[0]`), so a later check can point at the exact line; `shallow` keys are listed without
   * what is under them.
   */
  keyLines(keyPath: KeyPath, shallow?: readonly string[]): KeyLines;
}

/** Key path (as formatKeyPath writes it) → 1-based line. */
export type KeyLines = Readonly<Record<string, number>>;

export interface ReadResult {
  source?: YamlSource;
  problems: ConfigProblem[];
}

/** `fields[2].direction` */
export function formatKeyPath(keyPath: KeyPath): string {
  return keyPath.reduce<string>(
    (text, segment) =>
      typeof segment === 'number' ? `${text}[${segment}]` : text === '' ? segment : `${text}.${segment}`,
    '',
  );
}

export function relativeFile(absPath: string, cwd: string): string {
  const relative = path.relative(cwd, absPath);
  return relative === '' ? absPath : relative.split(path.sep).join('/');
}

function readText(absPath: string, file: string): { text?: string; problem?: ConfigProblem } {
  try {
    return { text: fs.readFileSync(absPath, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot read (${code ?? 'error'})`;
    return { problem: { file, line: 0, key: '', message } };
  }
}

function startOffset(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

function offsetOf(doc: Document, keyPath: KeyPath): number | undefined {
  let node: unknown = doc.contents;
  let offset = startOffset(node);
  for (const segment of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      offset = startOffset(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) break;
      offset = startOffset(node) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

function nodeAt(doc: Document, keyPath: KeyPath): unknown {
  let node: unknown = doc.contents;
  for (const segment of keyPath) {
    if (isMap(node)) {
      node = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      )?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      return undefined;
    }
  }
  return node;
}

function collectKeyLines(
  node: unknown,
  keyPath: KeyPath,
  lineAt: (offset: number) => number,
  shallow: readonly string[],
  lines: Record<string, number>,
): void {
  const entries: Array<[string | number, unknown, number | undefined]> = isMap(node)
    ? node.items
        .filter((pair) => isScalar(pair.key))
        .map((pair) => [String((pair.key as { value: unknown }).value), pair.value, startOffset(pair.key)])
    : isSeq(node)
      ? node.items.map((item, index) => [index, item, startOffset(item)])
      : [];
  for (const [segment, value, offset] of entries) {
    const path = [...keyPath, segment];
    if (offset !== undefined) lines[formatKeyPath(path)] = lineAt(offset);
    if (keyPath.length === 0 && typeof segment === 'string' && shallow.includes(segment)) continue;
    collectKeyLines(value, path, lineAt, shallow, lines);
  }
}

/** Two entries with the same key in one mapping: YAML would silently keep the last one. */
function findDuplicateKeys(
  node: unknown,
  keyPath: KeyPath,
  lineAt: (offset: number) => number,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (isSeq(node)) {
    node.items.forEach((item, index) =>
      problems.push(...findDuplicateKeys(item, [...keyPath, index], lineAt)),
    );
  } else if (isMap(node)) {
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      const line = lineAt(startOffset(pair.key) ?? 0);
      const first = seen.get(name);
      if (first !== undefined && name !== '<<') {
        problems.push({
          file: '',
          line,
          key: formatKeyPath([...keyPath, name]),
          message: `duplicate key (first at line ${first})`,
          hint: 'keep one of them',
        });
      } else {
        seen.set(name, line);
      }
      problems.push(...findDuplicateKeys(pair.value, [...keyPath, name], lineAt));
    }
  }
  return problems;
}

export function readYamlSource(absPath: string, cwd: string): ReadResult {
  const file = relativeFile(absPath, cwd);
  const { text, problem } = readText(absPath, file);
  if (text === undefined) return { problems: problem ? [problem] : [] };

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, merge: true, prettyErrors: true });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const problems: ConfigProblem[] = doc.errors.map((error) => ({
    file,
    line: error.linePos?.[0].line ?? 0,
    key: '',
    message: `invalid YAML: ${(error.message.split('\n')[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, '')}`,
  }));
  if (problems.length > 0) return { problems };
  problems.push(...findDuplicateKeys(doc.contents, [], lineAt).map((found) => ({ ...found, file })));

  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const lineOf = (keyPath: KeyPath): number => {
    const offset = offsetOf(doc, keyPath);
    return offset === undefined ? 1 : lineAt(offset);
  };
  const keyLines = (keyPath: KeyPath, shallow: readonly string[] = []): KeyLines => {
    const lines: Record<string, number> = {};
    collectKeyLines(nodeAt(doc, keyPath), [], lineAt, shallow, lines);
    return lines;
  };
  return { source: { absPath, file, data, lineOf, keyLines }, problems };
}
