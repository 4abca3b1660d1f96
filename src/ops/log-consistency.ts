/** The config-against-Odoo check, run at start and after reloads, with its findings in the log. */
import winston from 'winston';
import { GatewayConfig } from '../config/types';
import { OdooClient } from '../odoo/odoo-client';
import { checkConfigAgainstOdoo } from './odoo-consistency';
import { allProblems, formatConsistencyProblem, reportSummary } from './report-text';

export async function logConsistency(
  config: GatewayConfig,
  odoo: OdooClient,
  logger: winston.Logger,
): Promise<void> {
  const report = await checkConfigAgainstOdoo(config, odoo);
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
