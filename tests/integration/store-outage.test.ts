/**
 * A store outage never loses a write's answer (docs/store.md "When the store is down"): an audit row
 * that cannot be written is counted in /metrics and logged, and the caller gets Odoo's answer; a
 * store that cannot take the Idempotency-Key claim or the identifier lock stops the write before
 * Odoo with a 503; a busy identifier past lock_timeout_ms is a 409.
 */
import request from 'supertest';
import { LockTimeoutError } from '../../src/store/advisory-locks';
import { ADMIN_AUTH, AuditConfig, writeAuditConfig } from './support/audit-config';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

const CUSTOMERS = '/bj_api_sync/v1/customers';

function storeDown(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
}

describe('when the store is down', () => {
  let h: Harness;
  let config: AuditConfig;
  beforeAll(async () => {
    config = writeAuditConfig();
    h = await startHarness({ configPath: config.configPath });
  });
  afterAll(async () => {
    await h.close();
    config.remove();
  });
  afterEach(() => jest.restoreAllMocks());

  const creates = () => h.objectCalls().filter((call) => call.modelMethod === 'create');

  test('when the audit row cannot be written, then the write is answered, counted in /metrics and logged', async () => {
    jest.spyOn(h.store.audit, 'record').mockRejectedValue(storeDown());
    const res = await request(h.url)
      .post(CUSTOMERS)
      .set(SHOP_AUTH)
      .set('X-Request-ID', 'outage-audit-1')
      .send({ customer_id: 'OUT-1', name: 'Outage One' });
    expect(res.status).toBe(201);
    await h.flushAudit();

    const metrics = await request(h.url).get('/metrics').set(ADMIN_AUTH);
    expect(metrics.text).toMatch(/^gateway_audit_rows_lost_total 1$/m);
    const line = h.logs.find((text) => text.includes('audit rows could not be written'));
    expect(line).toContain('ECONNREFUSED');
    expect(line).toContain('outage-audit-1');
    expect(line).not.toContain('Outage One');
  });

  test('when the outcome cannot be recorded under its Idempotency-Key, then the write is answered and the log line names the request', async () => {
    jest.spyOn(h.store.idempotency, 'replaceIfOwner').mockRejectedValue(storeDown());
    const res = await request(h.url)
      .post(CUSTOMERS)
      .set(SHOP_AUTH)
      .set('Idempotency-Key', 'outage-settle-1')
      .set('X-Request-ID', 'outage-settle-req')
      .send({ customer_id: 'OUT-5', name: 'Outage Five' });
    expect(res.status).toBe(201);
    const line = h.logs.find((text) => text.includes('idempotency store failed'));
    expect(line).toContain('outage-settle-req');
    expect(line).not.toContain('Outage Five');
  });

  test('when the Idempotency-Key cannot be claimed, then nothing is written and the answer is a 503', async () => {
    jest.spyOn(h.store.idempotency, 'putIfAbsent').mockRejectedValue(storeDown());
    h.resetCalls();
    const res = await request(h.url)
      .post(CUSTOMERS)
      .set(SHOP_AUTH)
      .set('Idempotency-Key', 'outage-key-1')
      .send({ customer_id: 'OUT-2', name: 'Outage Two' });
    expect(res.status).toBe(503);
    expect(res.body.status_code).toBe('STORE_UNAVAILABLE');
    expect(res.headers['retry-after']).toBe('5');
    expect(JSON.stringify(res.body)).not.toContain('ECONNREFUSED');
    expect(creates()).toHaveLength(0);
  });

  test('when the identifier lock cannot be taken, then nothing is written and the answer is a 503', async () => {
    jest.spyOn(h.store.locks, 'withKeys').mockRejectedValue(storeDown());
    h.resetCalls();
    const res = await request(h.url)
      .post(CUSTOMERS)
      .set(SHOP_AUTH)
      .send({ customer_id: 'OUT-3', name: 'Three' });
    expect(res.status).toBe(503);
    expect(res.body.status_code).toBe('STORE_UNAVAILABLE');
    expect(creates()).toHaveLength(0);
  });

  test('when another replica holds the identifier past lock_timeout_ms, then the answer is 409 REQUEST_IN_PROGRESS', async () => {
    jest.spyOn(h.store.locks, 'withKeys').mockRejectedValue(new LockTimeoutError(['customers:OUT-4']));
    const res = await request(h.url)
      .post(CUSTOMERS)
      .set(SHOP_AUTH)
      .send({ customer_id: 'OUT-4', name: 'Four' });
    expect(res.status).toBe(409);
    expect(res.body.status_code).toBe('REQUEST_IN_PROGRESS');
    expect(res.headers['retry-after']).toBe('1');
  });
});
