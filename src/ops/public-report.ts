/**
 * The report as test-connection answers it over HTTP: a problem names its file by base name
 * (`customers.yaml`), never by a path, which would tell the server's directory layout to any caller.
 */
import path from 'node:path';
import type { ConsistencyProblem, ConsistencyReport } from './consistency-types';

function withFileName(problem: ConsistencyProblem): ConsistencyProblem {
  return { ...problem, file: path.posix.basename(problem.file.split(path.sep).join('/')) };
}

export function publicReport(report: ConsistencyReport): ConsistencyReport {
  return {
    ...report,
    endpoints: report.endpoints.map((entry) => ({ ...entry, problems: entry.problems.map(withFileName) })),
    mappings: report.mappings.map((entry) => ({ ...entry, problems: entry.problems.map(withFileName) })),
  };
}
