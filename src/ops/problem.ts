/** Builders for problems placed on a mapping line or on a mapping file. */
import type { FieldLine, MappingDef } from '../config/types';
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
    line: line.source.line,
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
    line: mapping.source.line,
    key,
    message,
    ...(hint === undefined ? {} : { hint }),
    severity,
  };
}

export function hasErrors(problems: readonly ConsistencyProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
