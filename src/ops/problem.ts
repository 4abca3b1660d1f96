/** Builders for problems placed on a mapping line or on a mapping file, at the line of their key. */
import type { FieldLine, MappingDef, SourcePlace } from '../config/types';
import type { ConsistencyProblem, Severity } from './consistency-types';

export function lineProblem(
  line: FieldLine,
  index: number,
  key: string,
  severity: Severity,
  message: string,
  hint?: string,
): ConsistencyProblem {
  return {
    file: line.source.file,
    line: lineOfKey(line.source, key),
    key: key === '' ? `fields[${index}]` : `fields[${index}].${key}`,
    message,
    ...(hint === undefined ? {} : { hint }),
    severity,
  };
}

export function mappingProblem(
  mapping: MappingDef,
  key: string,
  severity: Severity,
  message: string,
  hint?: string,
): ConsistencyProblem {
  return {
    file: mapping.source.file,
    line: lineOfKey(mapping.source, key),
    key,
    message,
    ...(hint === undefined ? {} : { hint }),
    severity,
  };
}

export function hasErrors(problems: readonly ConsistencyProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/**
 * The line of `key` (`relation.match`, `domain[2]`, `defaults.name`), else of its nearest written
 * parent (`relation` when `match` is left to its default), else where the item or file starts.
 */
export function lineOfKey(source: SourcePlace, key: string): number {
  const segments = key.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  for (let count = segments.length; count > 0; count -= 1) {
    const prefix = segments.slice(0, count).join('.').replace(/\.\[/g, '[');
    const line = source.keys?.[prefix];
    if (line !== undefined) return line;
  }
  return source.line;
}
