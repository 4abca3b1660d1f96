/**
 * GET /bj_api_sync/test-connection (api.md): Odoo reachable, the gateway's login accepted and every
 * endpoint consistent with Odoo → 200, else 503, with the whole report either way so that ops see
 * what to fix. Mounted behind the `admin` auth by the app.
 */
import type { RequestHandler } from 'express';
import type { GatewayConfig } from '../config/types';
import type { OdooClient } from '../odoo/odoo-client';
import { checkConfigAgainstOdoo } from '../ops/odoo-consistency';
import { reportSummary } from '../ops/report-text';

export interface TestConnectionDeps {
  getConfig: () => GatewayConfig;
  odoo: OdooClient;
}

export function createTestConnectionHandler(deps: TestConnectionDeps): RequestHandler {
  return async (_req, res) => {
    const report = await checkConfigAgainstOdoo(deps.getConfig(), deps.odoo);
    if (!report.odoo.reachable) res.set('Retry-After', '5');
    res.status(report.ok ? 200 : 503).json({ success: report.ok, message: reportSummary(report), ...report });
  };
}
