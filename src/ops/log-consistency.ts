/** The config-against-Odoo check, run at start and after reloads, with its findings in the log. */
import winston from 'winston';
import { GatewayConfig } from '../config/types';
import { OdooClient } from '../odoo/odoo-client';
import type { ConsistencyReport } from './consistency-types';
import { checkConfigAgainstOdoo } from './odoo-consistency';
import { allProblems, formatConsistencyProblem, reportSummary } from './report-text';

export async function logConsistency(
  config: GatewayConfig,
  odoo: OdooClient,
  logger: winston.Logger,
): Promise<ConsistencyReport> {
  const report = await checkConfigAgainstOdoo(config, odoo);
  logReport(report, logger);
  return report;
}

/** Every problem on its own line, then a one-line summary. */
export function logReport(report: ConsistencyReport, logger: winston.Logger): void {
  if (!report.odoo.reachable) {
    logger.warn('Odoo is not reachable yet; the endpoint checks against Odoo were skipped', {
      error: report.odoo.error,
    });
    return;
  }
  for (const problem of allProblems(report)) {
    logger.log(
      problem.severity === 'error' ? 'error' : 'warn',
      `config check: ${formatConsistencyProblem(problem)}`,
    );
  }
  logger.info(`config check against Odoo: ${reportSummary(report)}`);
}
