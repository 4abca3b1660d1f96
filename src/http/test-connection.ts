/**
 * GET /bj_api_sync/test-connection (api.md): Odoo reachable, the gateway's login accepted and every
 * endpoint consistent with Odoo → 200, else 503, with the whole report either way so that ops see
 * what to fix. A 503 also carries the error fields of every gateway error (status_code, error,
 * request_id). Mounted behind the `admin` auth by the app.
 *
 * One check makes a few dozen Odoo calls, so concurrent callers share the check in progress and its
 * result is reused for a few seconds: a polling load balancer or a flood cannot multiply Odoo's load.
 */
import type { RequestHandler } from 'express';
import type { GatewayConfig } from '../config/types';
import type { OdooClient } from '../odoo/odoo-client';
import { ConsistencyReport } from '../ops/consistency-types';
import { checkConfigAgainstOdoo } from '../ops/odoo-consistency';
import { publicReport } from '../ops/public-report';
import { reportSummary } from '../ops/report-text';
import { ensureRequestContext } from '../context/request-context';

export interface TestConnectionDeps {
  getConfig: () => GatewayConfig;
  odoo: OdooClient;
  /** How long a finished report is reused; default 5 s. */
  reuseMs?: number;
  now?: () => number;
  /** Each finished check, so its verdict serves the endpoints (ConfigHealth.record). */
  onReport?: (config: GatewayConfig, report: ConsistencyReport) => void;
}

interface CachedCheck {
  config: GatewayConfig;
  report: Promise<ConsistencyReport>;
  finishedAt?: number;
}

export function createTestConnectionHandler(deps: TestConnectionDeps): RequestHandler {
  const reuseMs = deps.reuseMs ?? 5000;
  const now = deps.now ?? Date.now;
  let cached: CachedCheck | undefined;
  const check = (config: GatewayConfig): Promise<ConsistencyReport> => {
    const fresh =
      cached?.config === config && (cached.finishedAt === undefined || now() - cached.finishedAt < reuseMs);
    if (cached && fresh) return cached.report;
    const entry: CachedCheck = { config, report: checkConfigAgainstOdoo(config, deps.odoo) };
    entry.report.then(
      (report) => {
        entry.finishedAt = now();
        deps.onReport?.(config, report);
      },
      () => (entry.finishedAt = 0),
    );
    cached = entry;
    return entry.report;
  };
  return async (req, res) => {
    const report = await check(deps.getConfig());
    const message = reportSummary(report);
    const body: Record<string, unknown> = { success: report.ok, message, ...publicReport(report) };
    if (!report.ok) {
      Object.assign(body, {
        error: message,
        status_code: 'ODOO_UNAVAILABLE',
        line_id: null,
        request_id: ensureRequestContext(req, res).requestId,
      });
    }
    if (!report.odoo.reachable) res.set('Retry-After', '5');
    res.status(report.ok ? 200 : 503).json(body);
  };
}
