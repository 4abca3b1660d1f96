/** The audit trail in every store backend: rows in, filtered pages out newest first, pruned by age. */
import { AuditEvent } from '../../src/store/audit-event';
import { forEachBackend, manualClock } from '../support/store-backends';

const DAY_MS = 86_400_000;

function event(overrides: Partial<AuditEvent>): AuditEvent {
  return {
    at: 1_700_000_000_000,
    endpoint: 'customers',
    method: 'POST',
    odooIds: [],
    outcome: 'created',
    status: 201,
    durationMs: 12,
    odooCalls: 2,
    ...overrides,
  };
}

forEachBackend('audit trail', (backend) => {
  test('when a write is recorded, then it reads back with every field it was given', async () => {
    const store = await backend().open();
    const written = event({
      caller: 'shop-sync',
      identifier: 'C-1001',
      odooIds: [41, 42],
      errorCode: 'ODOO_VALIDATION',
      status: 422,
      outcome: 'failed',
      requestId: 'req-1',
      idempotencyKey: 'idem-1',
      batchIndex: 3,
      payload: '{"name":"x"}',
    });
    await store.audit.record([written]);

    const page = await store.audit.query({});
    expect(page.total).toBe(1);
    expect(page.events[0]).toEqual({ ...written, id: expect.any(String) });
  });

  test('when the trail is filtered, then only matching rows count and come back', async () => {
    const store = await backend().open();
    const t = 1_700_000_000_000;
    await store.audit.record([
      event({ at: t, endpoint: 'customers', status: 201, requestId: 'r1', identifier: 'C-1' }),
      event({ at: t + 10, endpoint: 'customers', status: 422, requestId: 'r2', identifier: 'C-2' }),
      event({ at: t + 20, endpoint: 'products', status: 201, requestId: 'r3', identifier: 'P-1' }),
    ]);
    const ids = async (filter: Parameters<typeof store.audit.query>[0]) =>
      (await store.audit.query(filter)).events.map((e) => e.requestId);

    await expect(ids({ endpoint: 'customers' })).resolves.toEqual(['r2', 'r1']);
    await expect(ids({ status: 201 })).resolves.toEqual(['r3', 'r1']);
    await expect(ids({ since: t + 10 })).resolves.toEqual(['r3', 'r2']);
    await expect(ids({ until: t + 10 })).resolves.toEqual(['r1']);
    await expect(ids({ requestId: 'r2' })).resolves.toEqual(['r2']);
    await expect(ids({ identifier: 'P-1', endpoint: 'products' })).resolves.toEqual(['r3']);
  });

  test('when the trail is paged, then pages are newest first and carry the total', async () => {
    const store = await backend().open();
    await store.audit.record(
      Array.from({ length: 5 }, (_, n) => event({ at: 1000 + n, requestId: `r${n}` })),
    );

    const second = await store.audit.query({ limit: 2, offset: 2 });
    expect(second.total).toBe(5);
    expect(second.events.map((e) => e.requestId)).toEqual(['r2', 'r1']);
  });

  test('when rows are older than the retention, then pruning deletes them and keeps the rest', async () => {
    const clock = manualClock();
    const store = await backend().open({ now: clock.now });
    await store.audit.record([
      event({ at: clock.now() - 31 * DAY_MS, requestId: 'old' }),
      event({ at: clock.now() - 29 * DAY_MS, requestId: 'recent' }),
    ]);

    await expect(store.audit.prune(30)).resolves.toBe(1);
    const left = await store.audit.query({});
    expect(left.events.map((e) => e.requestId)).toEqual(['recent']);
  });
});
