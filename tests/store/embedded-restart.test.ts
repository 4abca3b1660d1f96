/** A single gateway on the embedded store, restarted: its idempotency entries and audit trail survive. */
import { IdempotencyEntry } from '../../src/idempotency/idempotency-store';
import { BackendUnderTest, embeddedBackend } from '../support/store-backends';

describe('the embedded store across a restart', () => {
  let backend: BackendUnderTest;
  beforeEach(() => {
    backend = embeddedBackend();
  });
  afterEach(() => backend.cleanup());

  test('when the store is closed and opened again on its file, then entries and audit rows are still there', async () => {
    const entry: IdempotencyEntry = {
      state: 'done',
      fingerprint: 'fp',
      owner: 'o',
      response: { status: 201, body: { id: 9 } },
    };
    const before = await backend.open();
    await before.idempotency.putIfAbsent('k1', entry, 60_000);
    await before.audit.record([
      {
        at: Date.now(),
        endpoint: 'customers',
        method: 'POST',
        odooIds: [9],
        outcome: 'created',
        status: 201,
        durationMs: 5,
        odooCalls: 2,
      },
    ]);
    await before.close();

    const after = await backend.open();
    await expect(after.idempotency.get('k1')).resolves.toEqual(entry);
    const trail = await after.audit.query({});
    expect(trail.events.map((e) => e.odooIds)).toEqual([[9]]);
  });
});
