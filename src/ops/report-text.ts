/** The consistency report as text: one line per problem (as config problems print) and a summary. */
import { formatProblem } from '../config/config-error';
import type { ConsistencyProblem, ConsistencyReport, OdooStatus } from './consistency-types';

export function allProblems(report: ConsistencyReport): ConsistencyProblem[] {
  return [...report.endpoints, ...report.mappings]
    .flatMap((entry) => entry.problems)
    .sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

/** `config/endpoints/customers.yaml:14 fields[2].field: res.partner has no field "emial" (did you mean "email"?)` */
export function formatConsistencyProblem(problem: ConsistencyProblem): string {
  const text = formatProblem(problem);
  return problem.severity === 'warning' ? `warning: ${text}` : text;
}

export function countProblems(report: ConsistencyReport): { errors: number; warnings: number } {
  const problems = allProblems(report);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line: what was checked and what came out. */
export function reportSummary(report: ConsistencyReport): string {
  if (report.odoo.error !== undefined) return report.odoo.error;
  const { errors, warnings } = countProblems(report);
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const checked = `${plural(report.endpoints.length, 'endpoint')} and ${plural(report.mappings.length, 'mapping')}`;
  return report.ok
    ? `Connection OK: Odoo ${report.odoo.version ?? '?'}, ${checked} consistent with it (${counts})`
    : `Odoo is reachable but the configuration does not match it: ${counts} (${checked} checked)`;
}

/** `Protocol: session (Odoo 18.0 accepted a session login with the credential)` */
export function protocolLine(odoo: OdooStatus): string {
  return `Protocol: ${odoo.protocol} (${odoo.protocol_reason})`;
}
