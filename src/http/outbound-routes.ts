/**
 * The outbound push's admin API (behind the admin auth, docs/outbound.md), over the store, so any
 * replica answers for all:
 *   GET  /bj_api_sync/outbound                                  every pushing endpoint: paused, queue, lag
 *   GET  /bj_api_sync/outbound/{endpoint}/deliveries?state=pending|dead&limit&offset
 *   POST /bj_api_sync/outbound/{endpoint}/deliveries/{id}/replay  one delivery, due now, attempts reset
 *   POST /bj_api_sync/outbound/{endpoint}/replay                  every dead delivery
 *   POST /bj_api_sync/outbound/{endpoint}/pause | /resume
 *   POST /bj_api_sync/outbound/{endpoint}/cursor                  {"from":"now"} | {"since":"<ISO>"}
 */
import express, { Router, type Request } from 'express';
import { startCursor } from '../changes/change-feed';
import type { EndpointDef, GatewayConfig } from '../config/types';
import { ConflictError, InvalidQueryError, NotFoundError } from '../errors/errors';
import { storedCursorError } from '../outbound/stored-cursor';
import type { ListedDelivery, OutboundQueue } from '../store/outbound-queue';
import { integer, single } from './audit-query';
import { parseCursorReset } from './outbound-cursor-body';
import { fromStore } from './store-errors';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const STATES = ['pending', 'dead'] as const;
const LIST_PARAMETERS = ['state', 'limit', 'offset'];
/** `{"since": "…"}` is a few dozen bytes; any content type is read as JSON (a bare `curl -d` works). */
const cursorBody = express.json({ limit: '1kb', strict: false, type: () => true });

export function createOutboundRouter(getConfig: () => GatewayConfig, queue: OutboundQueue): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const pushing = [...getConfig().endpoints.values()].filter((endpoint) => endpoint.outbound);
    const now = Date.now();
    const summaries = await fromStore(() => queue.summary());
    const data = await Promise.all(
      pushing.map(async (endpoint) => {
        const state = await fromStore(() => queue.state(endpoint.name));
        const queued = summaries.find((summary) => summary.endpoint === endpoint.name);
        const oldest = queued?.oldestPendingAt;
        return {
          endpoint: endpoint.name,
          paused: state?.paused ?? false,
          pending: queued?.pending ?? 0,
          dead: queued?.dead ?? 0,
          lag_seconds: oldest === undefined ? 0 : seconds(now - oldest),
          // Since the feed was last read to its end; null before the first poll.
          cursor_age_seconds: state?.cursor ? seconds(now - state.updatedAt) : null,
          cursor_error: state?.cursor ? storedCursorError(endpoint.name, state.cursor) : null,
        };
      }),
    );
    res.json({ success: true, data, count: data.length });
  });
  router.get('/:endpoint/deliveries', async (req, res) => {
    const endpoint = pushingEndpoint(getConfig, req);
    const unknown = Object.keys(req.query).find((name) => !LIST_PARAMETERS.includes(name));
    if (unknown !== undefined) {
      throw new InvalidQueryError(
        `${unknown.slice(0, 64)}: unknown parameter; use ${LIST_PARAMETERS.join(', ')}`,
        { lineId: unknown.slice(0, 64) },
      );
    }
    const state = oneOf(req.query.state, 'state', STATES) ?? 'pending';
    const limit = integer(single(req.query.limit, 'limit'), 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
    const offset = integer(single(req.query.offset, 'offset'), 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0;
    const page = await fromStore(() => queue.list(endpoint.name, state, limit, offset));
    const data = page.deliveries.map(deliveryJson);
    res.json({ success: true, data, count: data.length, total: page.total, limit, offset });
  });
  router.post('/:endpoint/deliveries/:id/replay', async (req, res) => {
    const endpoint = pushingEndpoint(getConfig, req);
    const id = String(req.params.id);
    const result = await fromStore(() => queue.replay(endpoint.name, id));
    if (result === 'unknown') {
      throw new NotFoundError(`No delivery "${id.slice(0, 64)}" for endpoint ${endpoint.name}`);
    }
    if (result === 'in-flight') {
      throw new ConflictError(
        `Delivery "${id.slice(0, 64)}" is being sent right now; replay it once that attempt has ended`,
      );
    }
    res.json({ success: true, message: 'Delivery queued again', replayed: 1 });
  });
  router.post('/:endpoint/replay', async (req, res) => {
    const endpoint = pushingEndpoint(getConfig, req);
    const replayed = await fromStore(() => queue.replayDead(endpoint.name));
    res.json({ success: true, message: `${replayed} dead deliveries queued again`, replayed });
  });
  for (const action of ['pause', 'resume'] as const) {
    router.post(`/:endpoint/${action}`, async (req, res) => {
      const endpoint = pushingEndpoint(getConfig, req);
      await fromStore(() => queue.setPaused(endpoint.name, action === 'pause'));
      res.json({
        success: true,
        message: `Outbound ${action === 'pause' ? 'paused' : 'resumed'}`,
        paused: action === 'pause',
      });
    });
  }
  router.post('/:endpoint/cursor', cursorBody, async (req, res) => {
    const endpoint = pushingEndpoint(getConfig, req);
    const reset = parseCursorReset(req.body);
    const since = 'since' in reset ? reset.since : undefined;
    await fromStore(() => queue.setCursor(endpoint.name, startCursor(endpoint, since)));
    res.json({
      success: true,
      message: since
        ? `The push reads the feed again from ${since.toISOString()}`
        : 'The push reads the feed from now on',
      since: (since ?? new Date()).toISOString(),
    });
  });
  return router;
}

function pushingEndpoint(getConfig: () => GatewayConfig, req: Request): EndpointDef {
  const name = String(req.params.endpoint);
  const endpoint = getConfig().endpoints.get(name);
  if (!endpoint?.outbound)
    throw new NotFoundError(`No endpoint "${name.slice(0, 64)}" with an outbound push`);
  return endpoint;
}

function deliveryJson(delivery: ListedDelivery) {
  return {
    id: delivery.id,
    state: delivery.state,
    event_ids: delivery.eventIds,
    record_count: delivery.eventIds.length,
    attempts: delivery.attempts,
    created_at: new Date(delivery.createdAt).toISOString(),
    next_attempt_at: new Date(delivery.nextAttemptAt).toISOString(),
    oldest_change_at: new Date(delivery.oldestChangeAt).toISOString(),
    last_status: delivery.last.status ?? null,
    last_error: delivery.last.error ?? null,
    last_response: delivery.last.response ?? null,
  };
}

function seconds(ms: number): number {
  return Math.max(0, Math.round(ms / 100) / 10);
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T | undefined {
  const text = single(value, name);
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) {
    throw new InvalidQueryError(`${name}: must be one of ${allowed.join(', ')}`, { lineId: name });
  }
  return text as T;
}
