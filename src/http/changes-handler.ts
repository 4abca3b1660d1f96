/**
 * `GET /bj_api_sync/v1/{endpoint}/changes?cursor=&since=&limit=`: the endpoint's change feed
 * (src/changes/, docs/changes.md). Same auth and method rules as the endpoint's GET (the router's).
 */
import { readChanges } from '../changes/change-feed';
import { ErrorDetail } from '../errors/gateway-error';
import { invalidQuery } from '../mapping/list-query';
import { isoToOdooDatetime } from '../mapping/odoo-values';
import type { HandlerInput } from './endpoint-handlers';
import { parseInteger, single } from './list-query-params';

/** The path segment that names the feed: it shadows GET one of a record whose identifier is `changes`. */
export const CHANGES_PATH = 'changes';

const PARAMETERS = new Set(['cursor', 'since', 'limit']);

interface ChangesQuery {
  cursor?: string;
  since?: Date;
  limit: number;
}

export async function handleChanges({ deps, endpoint, req, res }: HandlerInput): Promise<void> {
  const query = parseChangesQuery(req.query, endpoint.pageSize, endpoint.maxPageSize);
  const page = await readChanges(deps, endpoint, query.cursor, query);
  res.json({
    success: true,
    data: page.changes.map((change) => change.record),
    count: page.changes.length,
    next_cursor: page.nextCursor,
    has_more: page.hasMore,
  });
}

/** Every problem at once, as one 400 INVALID_QUERY. */
export function parseChangesQuery(
  query: Readonly<Record<string, unknown>>,
  pageSize: number,
  maxPageSize: number,
): ChangesQuery {
  const errors: ErrorDetail[] = [];
  for (const key of Object.keys(query)) {
    if (!PARAMETERS.has(key))
      errors.push({ line_id: key, error: 'is not a parameter of the change feed (cursor, since, limit)' });
  }
  const cursor = single(query.cursor, 'cursor', errors);
  const sinceText = single(query.since, 'since', errors);
  const limit = parseInteger(query.limit, 'limit', errors) ?? pageSize;
  if (limit < 1 || limit > maxPageSize)
    errors.push({ line_id: 'limit', error: `must be between 1 and ${maxPageSize}` });
  if (cursor === '') errors.push({ line_id: 'cursor', error: 'must not be empty' });
  let since: Date | undefined;
  if (sinceText !== undefined) {
    const odoo = isoToOdooDatetime(sinceText);
    if (odoo === undefined)
      errors.push({ line_id: 'since', error: 'must be an ISO 8601 time such as 2026-01-31T10:15:00Z' });
    else since = new Date(`${odoo.replace(' ', 'T')}Z`);
  }
  if (cursor !== undefined && sinceText !== undefined) {
    errors.push({
      line_id: 'since',
      error: 'give cursor or since, not both (a cursor already knows where it is)',
    });
  }
  if (errors.length > 0) throw invalidQuery(errors);
  return { ...(cursor !== undefined ? { cursor } : {}), ...(since ? { since } : {}), limit };
}
