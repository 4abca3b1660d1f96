/**
 * A configuration mistake made by whoever edits the YAML files. It carries every problem found, so
 * that one run of the gateway (or of the config check) lists them all instead of one per restart.
 */
export interface ConfigProblem {
  /** File path relative to the working directory, e.g. `config/endpoints/customers.yaml`. */
  file: string;
  /** 1-based line; 0 when the problem has no place in the file (e.g. the file is missing). */
  line: number;
  /** Key path inside the file, e.g. `fields[2].direction`; empty for the whole file. */
  key: string;
  message: string;
  hint?: string;
}

/** `config/endpoints/customers.yaml:12 fields[2].direction: must be one of in, out, both (did you mean "out"?)` */
export function formatProblem(problem: ConfigProblem): string {
  const place = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  const where = problem.key === '' ? place : `${place} ${problem.key}`;
  const hint = problem.hint === undefined ? '' : ` (${problem.hint})`;
  return `${where}: ${problem.message}${hint}`;
}

function compareProblems(a: ConfigProblem, b: ConfigProblem): number {
  return a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1;
}

export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const sorted = [...problems].sort(compareProblems);
    super(sorted.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
    this.problems = sorted;
  }
}
