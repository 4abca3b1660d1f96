/**
 * The audit trail over real HTTP: every write request and every batch item leaves a row, read back
 * through `GET /bj_api_sync/audit` (admin auth) with the list API's paging and the documented filters.
 */
import request from 'supertest';
import { ADMIN_AUTH, AuditConfig, writeAuditConfig } from './support/audit-config';
import { Harness, SHOP_AUTH, SHOP_TOKEN, startHarness } from './support/gateway-harness';

const CUSTOMERS = '/bj_api_sync/v1/customers';
const AUDIT = '/bj_api_sync/audit';

interface AuditRow {
  at: string;
  endpoint: string;
  method: string;
  caller: string | null;
  identifier: string | null;
  odoo_ids: number[];
  outcome: string;
  status: number;
  error_code: string | null;
  request_id: string | null;
  idempotency_key: string | null;
  batch_index: number | null;
  duration_ms: number;
  odoo_calls: number;
  payload?: string;
}

describe('audit trail', () => {
  let h: Harness;
  let config: AuditConfig;
  beforeAll(async () => {
    config = writeAuditConfig({ payloads: true });
    h = await startHarness({ configPath: config.configPath });
  });
  afterAll(async () => {
    await h.close();
    config.remove();
  });

  async function audit(query: Record<string, string | number> = {}) {
    await h.flushAudit();
    return request(h.url).get(AUDIT).query(query).set(ADMIN_AUTH);
  }

  test('when a record is created, then one row names the caller, the identifier, the Odoo id and the outcome', async () => {
    const created = await request(h.url)
      .post(CUSTOMERS)
      .set(SHOP_AUTH)
      .set('Idempotency-Key', 'audit-create-1')
      .set('X-Request-ID', 'audit-req-1')
      .send({ customer_id: 'AUD-1', name: 'Audited One' });
    expect(created.status).toBe(201);

    const res = await audit({ request_id: 'audit-req-1' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, count: 1, total: 1, limit: 50, offset: 0 });
    const [row] = res.body.data as AuditRow[];
    expect(row).toMatchObject({
      endpoint: 'customers',
      method: 'POST',
      identifier: 'AUD-1',
      odoo_ids: [created.body.id],
      outcome: 'created',
      status: 201,
      error_code: null,
      idempotency_key: 'audit-create-1',
      batch_index: null,
    });
    expect(row?.caller).toMatch(/^token:[0-9a-f]{12}$/);
    expect(row?.odoo_calls).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toContain(SHOP_TOKEN);
  });

  test('when a batch is written, then the request and each item have a row', async () => {
    const batch = await request(h.url)
      .post(CUSTOMERS)
      .set(SHOP_AUTH)
      .set('X-Request-ID', 'audit-batch-1')
      .send([
        { customer_id: 'AUD-B1', name: 'Batch One' },
        { customer_id: 'AUD-B2', email: 'not an email' },
      ]);
    expect(batch.status).toBe(200);

    const rows = (await audit({ request_id: 'audit-batch-1' })).body.data as AuditRow[];
    expect(rows).toHaveLength(3);
    const byItem = new Map(rows.map((row) => [row.batch_index, row]));
    expect(byItem.get(null)).toMatchObject({ identifier: null, status: 200, outcome: 'created' });
    expect(byItem.get(0)).toMatchObject({ identifier: 'AUD-B1', outcome: 'created', odoo_calls: 0 });
    expect(byItem.get(0)?.odoo_ids).toHaveLength(1);
    expect(byItem.get(1)).toMatchObject({
      identifier: 'AUD-B2',
      outcome: 'failed',
      error_code: 'VALIDATION_ERROR',
      odoo_ids: [],
    });
  });

  test('when a record is deleted or a write is refused, then the row says so with the error code', async () => {
    await request(h.url).delete(`${CUSTOMERS}/AUD-1`).set(SHOP_AUTH).set('X-Request-ID', 'audit-del-1');
    await request(h.url)
      .post(CUSTOMERS)
      .set(SHOP_AUTH)
      .set('X-Request-ID', 'audit-bad-1')
      .send({ customer_id: 'AUD-X' });

    const deleted = (await audit({ request_id: 'audit-del-1' })).body.data as AuditRow[];
    expect(deleted).toEqual([
      expect.objectContaining({ method: 'DELETE', identifier: 'AUD-1', outcome: 'deleted', status: 200 }),
    ]);
    const refused = (await audit({ request_id: 'audit-bad-1' })).body.data as AuditRow[];
    expect(refused).toEqual([
      expect.objectContaining({ outcome: 'failed', status: 400, error_code: 'VALIDATION_ERROR' }),
    ]);
  });

  test('when payloads are kept, then the body is stored with its secrets redacted', async () => {
    await request(h.url)
      .post(CUSTOMERS)
      .set(SHOP_AUTH)
      .set('X-Request-ID', 'audit-payload-1')
      .send({ customer_id: 'AUD-P', name: 'Payload', api_key: 'sk-live-very-secret' });

    const [row] = (await audit({ request_id: 'audit-payload-1' })).body.data as AuditRow[];
    expect(row?.payload).toContain('"customer_id":"AUD-P"');
    expect(row?.payload).not.toContain('sk-live-very-secret');
  });

  test('when filtered and paged, then only matching rows come back, newest first, with the total', async () => {
    const byIdentifier = (await audit({ identifier: 'AUD-B1' })).body.data as AuditRow[];
    expect(byIdentifier.map((row) => row.batch_index)).toEqual([0]);

    const refusals = (await audit({ status: 400, endpoint: 'customers' })).body;
    expect(refusals.total).toBeGreaterThanOrEqual(1);
    expect((refusals.data as AuditRow[]).every((row) => row.status === 400)).toBe(true);

    const page = (await audit({ limit: 2, offset: 1 })).body;
    const all = (await audit({ limit: 500 })).body;
    expect(page.count).toBe(2);
    expect(page.total).toBe(all.total);
    expect(page.data).toEqual((all.data as AuditRow[]).slice(1, 3));
    const times = (all.data as AuditRow[]).map((row) => row.at);
    expect([...times].sort().reverse()).toEqual(times);

    expect((await audit({ since: '1h' })).body.total).toBe(all.total);
    expect((await audit({ until: '1h' })).body.total).toBe(0);
  });

  test('when the query is wrong or the caller is not admin, then a clear 4xx comes back', async () => {
    const unknown = await audit({ colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.status_code).toBe('INVALID_QUERY');
    expect((await audit({ since: 'yesterday-ish' })).status).toBe(400);
    expect((await audit({ limit: 501 })).status).toBe(400);
    expect((await request(h.url).get(AUDIT).set(SHOP_AUTH)).status).toBe(401);
  });

  test('when only reads are made, then they leave no audit row', async () => {
    const before = (await audit()).body.total as number;
    await request(h.url).get(`${CUSTOMERS}/C-1001`).set(SHOP_AUTH);
    expect((await audit()).body.total).toBe(before);
  });
});
