/**
 * `GET /bj_api_sync/audit` (behind the admin auth): the audit trail of every replica sharing the
 * store, newest first, filtered and paged like the list API (audit-query.ts).
 */
import type { RequestHandler } from 'express';
import { AuditLog } from '../store/audit-event';
import { auditEventJson, parseAuditQuery } from './audit-query';
import { fromStore } from './store-errors';

export function createAuditHandler(log: AuditLog): RequestHandler {
  return async (req, res) => {
    const query = parseAuditQuery(req.query as Record<string, unknown>);
    const page = await fromStore(() => log.query(query));
    res.json({
      success: true,
      data: page.events.map(auditEventJson),
      count: page.events.length,
      total: page.total,
      limit: query.limit,
      offset: query.offset,
    });
  };
}
