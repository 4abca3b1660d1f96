/**
 * The outbound queue in the SQL store, every query written once for SQLite and PostgreSQL. The
 * lease is one conditional update (taken when free, expired, or already ours). A claim is one
 * `with due as (select … for update skip locked) update …` on PostgreSQL, so replicas claiming at
 * once each get other rows; on SQLite the single statement is atomic (one writer at a time).
 */
import { ExpressionBuilder, Kysely } from 'kysely';
import {
  Delivery,
  DeliveryAnswer,
  DeliveryPage,
  ListedDelivery,
  NewDelivery,
  OutboundQueue,
  OutboundState,
  QueueSummary,
  ReplayResult,
} from './outbound-queue';
import { SqlDialect } from './sql-database';
import { OutboundDeliveryRow, OutboundStateRow, StoreSchema } from './store-schema';

type Db = Kysely<StoreSchema>;

export class SqlOutboundQueue implements OutboundQueue {
  constructor(
    private readonly db: Db,
    private readonly dialect: SqlDialect,
    private readonly now: () => number = Date.now,
  ) {}

  async takeLease(endpoint: string, holder: string, leaseMs: number): Promise<OutboundState | undefined> {
    const now = this.now();
    await this.ensureState(endpoint, now);
    const row = await this.db
      .updateTable('outbound_state')
      .set({ lease_holder: holder, lease_expires_at: now + leaseMs })
      .where('endpoint', '=', endpoint)
      .where((eb) => eb.or([eb('lease_holder', '=', holder), eb('lease_expires_at', '<=', now)]))
      .returningAll()
      .executeTakeFirst();
    return row && stateOf(row);
  }

  async releaseLease(endpoint: string, holder: string): Promise<void> {
    await this.db
      .updateTable('outbound_state')
      .set({ lease_holder: null, lease_expires_at: 0 })
      .where('endpoint', '=', endpoint)
      .where('lease_holder', '=', holder)
      .execute();
  }

  async commitPage(
    endpoint: string,
    holder: string,
    from: string | null,
    to: string,
    deliveries: readonly NewDelivery[],
  ): Promise<boolean> {
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const moved = await trx
        .updateTable('outbound_state')
        .set({ cursor: to, updated_at: now })
        .where('endpoint', '=', endpoint)
        .where('lease_holder', '=', holder)
        .where('paused', '=', 0)
        .where((eb) => (from === null ? eb('cursor', 'is', null) : eb('cursor', '=', from)))
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) return false;
      if (deliveries.length > 0) {
        await trx
          .insertInto('outbound_deliveries')
          .values(deliveries.map((delivery) => newRow(endpoint, delivery, now)))
          // The same events already queued (an id is a hash of them): keep the one there.
          .onConflict((conflict) => conflict.column('id').doNothing())
          .execute();
      }
      return true;
    });
  }

  async claim(endpoint: string, holder: string, limit: number, claimMs: number): Promise<Delivery[]> {
    const now = this.now();
    const due = (eb: ExpressionBuilder<StoreSchema, 'outbound_deliveries'>) =>
      eb.and([
        eb('endpoint', '=', endpoint),
        eb('state', '=', 'pending'),
        eb('next_attempt_at', '<=', now),
        notClaimed(eb, now),
        eb.not(
          eb.exists(
            eb
              .selectFrom('outbound_state')
              .select('outbound_state.endpoint')
              .where('outbound_state.endpoint', '=', endpoint)
              .where('outbound_state.paused', '=', 1),
          ),
        ),
      ]);
    // A CTE that locks is evaluated once on PostgreSQL: `where id in (select … limit n for update
    // skip locked)` may run the subquery again and claim more than n rows.
    const rows = await this.db
      .with('due', (db) =>
        db
          .selectFrom('outbound_deliveries')
          .select('id')
          .where(due)
          .orderBy('next_attempt_at')
          .orderBy('created_at')
          .limit(limit)
          .$if(this.dialect === 'postgres', (query) => query.forUpdate().skipLocked()),
      )
      .updateTable('outbound_deliveries')
      .set((eb) => ({
        claimed_by: holder,
        claim_expires_at: now + claimMs,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
      .where(due)
      .returningAll()
      .execute();
    return rows
      .map(deliveryOf)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt);
  }

  async delivered(id: string): Promise<void> {
    await this.db.deleteFrom('outbound_deliveries').where('id', '=', id).execute();
  }

  async retryAt(id: string, holder: string, at: number, answer: DeliveryAnswer): Promise<void> {
    await this.settle(id, holder, { state: 'pending', next_attempt_at: at, ...answerColumns(answer) });
  }

  async dead(id: string, holder: string, answer: DeliveryAnswer): Promise<void> {
    await this.settle(id, holder, { state: 'dead', ...answerColumns(answer) });
  }

  async state(endpoint: string): Promise<OutboundState | undefined> {
    const row = await this.db
      .selectFrom('outbound_state')
      .selectAll()
      .where('endpoint', '=', endpoint)
      .executeTakeFirst();
    return row && stateOf(row);
  }

  async setPaused(endpoint: string, paused: boolean): Promise<void> {
    await this.ensureState(endpoint, this.now());
    await this.db
      .updateTable('outbound_state')
      .set({ paused: paused ? 1 : 0 })
      .where('endpoint', '=', endpoint)
      .execute();
  }

  async setCursor(endpoint: string, cursor: string): Promise<void> {
    const now = this.now();
    await this.ensureState(endpoint, now);
    await this.db
      .updateTable('outbound_state')
      .set({ cursor, updated_at: now })
      .where('endpoint', '=', endpoint)
      .execute();
  }

  async list(
    endpoint: string,
    state: Delivery['state'],
    limit: number,
    offset: number,
  ): Promise<DeliveryPage> {
    const filtered = this.db
      .selectFrom('outbound_deliveries')
      .where('endpoint', '=', endpoint)
      .where('state', '=', state);
    const rows = await filtered
      .select(LISTED_COLUMNS)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
    const counted = await filtered
      .select((eb) => eb.fn.countAll<number | string>().as('total'))
      .executeTakeFirst();
    return { deliveries: rows.map(listedOf), total: Number(counted?.total ?? 0) };
  }

  async replay(endpoint: string, id: string): Promise<ReplayResult> {
    const now = this.now();
    const result = await this.db
      .updateTable('outbound_deliveries')
      .set(this.dueAgain())
      .where('endpoint', '=', endpoint)
      .where('id', '=', id)
      .where((eb) => notClaimed(eb, now))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) return 'replayed';
    const exists = await this.db
      .selectFrom('outbound_deliveries')
      .select('id')
      .where('endpoint', '=', endpoint)
      .where('id', '=', id)
      .executeTakeFirst();
    return exists ? 'in-flight' : 'unknown';
  }

  async replayDead(endpoint: string): Promise<number> {
    const result = await this.db
      .updateTable('outbound_deliveries')
      .set(this.dueAgain())
      .where('endpoint', '=', endpoint)
      .where('state', '=', 'dead')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async summary(): Promise<QueueSummary[]> {
    const rows = await this.db
      .selectFrom('outbound_deliveries')
      .select((eb) => [
        'endpoint',
        'state',
        eb.fn.countAll<number | string>().as('count'),
        eb.fn.min('oldest_change_at').as('oldest'),
      ])
      .groupBy(['endpoint', 'state'])
      .execute();
    const byEndpoint = new Map<string, QueueSummary>();
    for (const row of rows) {
      const summary = byEndpoint.get(row.endpoint) ?? { endpoint: row.endpoint, pending: 0, dead: 0 };
      if (row.state === 'dead') summary.dead = Number(row.count);
      else {
        summary.pending = Number(row.count);
        summary.oldestPendingAt = Number(row.oldest);
      }
      byEndpoint.set(row.endpoint, summary);
    }
    return [...byEndpoint.values()];
  }

  private async ensureState(endpoint: string, now: number): Promise<void> {
    await this.db
      .insertInto('outbound_state')
      .values({ endpoint, cursor: null, paused: 0, lease_holder: null, lease_expires_at: 0, updated_at: now })
      .onConflict((conflict) => conflict.column('endpoint').doNothing())
      .execute();
  }

  /** Records an attempt's end, unless the claim was lost (expired, and another replica took it). */
  private async settle(id: string, holder: string, values: Partial<OutboundDeliveryRow>): Promise<void> {
    await this.db
      .updateTable('outbound_deliveries')
      .set({ ...values, claimed_by: null, claim_expires_at: null })
      .where('id', '=', id)
      .where('claimed_by', '=', holder)
      .execute();
  }

  private dueAgain(): Partial<OutboundDeliveryRow> {
    return {
      state: 'pending',
      attempts: 0,
      next_attempt_at: this.now(),
      claimed_by: null,
      claim_expires_at: null,
    };
  }
}

/** No claim, or one that expired (its sender is gone or gave up): free to claim or replay. */
function notClaimed(eb: ExpressionBuilder<StoreSchema, 'outbound_deliveries'>, now: number) {
  return eb.or([eb('claim_expires_at', 'is', null), eb('claim_expires_at', '<=', now)]);
}

function newRow(endpoint: string, delivery: NewDelivery, now: number): OutboundDeliveryRow {
  return {
    id: delivery.id,
    endpoint,
    state: 'pending',
    payload: delivery.payload,
    event_ids: JSON.stringify(delivery.eventIds),
    record_count: delivery.eventIds.length,
    oldest_change_at: delivery.oldestChangeAt,
    created_at: now,
    attempts: 0,
    next_attempt_at: now,
    claimed_by: null,
    claim_expires_at: null,
    last_status: null,
    last_error: null,
    last_response: null,
  };
}

function answerColumns(answer: DeliveryAnswer): Partial<OutboundDeliveryRow> {
  return {
    last_status: answer.status ?? null,
    last_error: answer.error ?? null,
    last_response: answer.response ?? null,
  };
}

function stateOf(row: OutboundStateRow): OutboundState {
  return {
    endpoint: row.endpoint,
    cursor: row.cursor,
    paused: Number(row.paused) === 1,
    updatedAt: row.updated_at,
  };
}

/** Every column but the body. */
const LISTED_COLUMNS = [
  'id',
  'endpoint',
  'state',
  'event_ids',
  'record_count',
  'oldest_change_at',
  'created_at',
  'attempts',
  'next_attempt_at',
  'claimed_by',
  'claim_expires_at',
  'last_status',
  'last_error',
  'last_response',
] as const satisfies ReadonlyArray<Exclude<keyof OutboundDeliveryRow, 'payload'>>;

function deliveryOf(row: OutboundDeliveryRow): Delivery {
  return { ...listedOf(row), payload: row.payload };
}

function listedOf(row: Omit<OutboundDeliveryRow, 'payload'>): ListedDelivery {
  const last: DeliveryAnswer = {};
  if (row.last_status !== null) last.status = row.last_status;
  if (row.last_error !== null) last.error = row.last_error;
  if (row.last_response !== null) last.response = row.last_response;
  return {
    id: row.id,
    endpoint: row.endpoint,
    state: row.state,
    eventIds: JSON.parse(row.event_ids) as string[],
    oldestChangeAt: row.oldest_change_at,
    createdAt: row.created_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    last,
  };
}
