import request from 'supertest';
import { OTHER_AUTH, SYNC_AUTH, SyncConfig, writeSyncConfig } from './batch-fixtures';
import { Harness, startHarness } from './support/gateway-harness';

const PARTNERS = '/bj_api_sync/v1/partners';
const NOTES = '/bj_api_sync/v1/notes';
const TIMEOUT_MS = 400;

describe('Idempotency-Key over the simulator', () => {
  let h: Harness;
  let config: SyncConfig;
  beforeAll(async () => {
    config = writeSyncConfig();
    h = await startHarness({
      configPath: config.configPath,
      timeoutMs: TIMEOUT_MS,
      // A twin gives up after 300 ms (5 s in production), so the 409 test stays short.
      extraDeps: { idempotency: { waitMs: 300 } },
    });
  });
  afterAll(async () => {
    await h.close();
    config.remove();
  });
  beforeEach(() => {
    h.resetCalls();
    h.sim.controls.injectFailure(null);
    h.sim.controls.setLatency(0);
  });

  const callsOf = (method: string) => h.objectCalls().filter((call) => call.modelMethod === method);
  const post = (key: string, body: object, auth = SYNC_AUTH, path = PARTNERS) =>
    request(h.url).post(path).set(auth).set('Idempotency-Key', key).send(body);
  const countByRef = async (ref: string) =>
    (await request(h.url).get(`${PARTNERS}?ref=${ref}`).set(SYNC_AUTH)).body.total as number;

  test('when a request is retried with the same key and body, then the stored response comes back and Odoo is not called', async () => {
    const first = await post('key-same', { ref: 'IDEM-1', name: 'Once' });
    expect(first.status).toBe(201);
    h.resetCalls();
    const retry = await post('key-same', { name: 'Once', ref: 'IDEM-1' });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(h.objectCalls()).toHaveLength(0);
  });

  test('when a key is reused with another body, then it is a 422 IDEMPOTENCY_MISMATCH and nothing is written', async () => {
    await post('key-reused', { ref: 'IDEM-2', name: 'Original' });
    h.resetCalls();
    const res = await post('key-reused', { ref: 'IDEM-2b', name: 'Something else' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ success: false, status_code: 'IDEMPOTENCY_MISMATCH' });
    expect(h.objectCalls()).toHaveLength(0);
  });

  test('when another client uses the same key, then its request is its own', async () => {
    await post('key-shared', { ref: 'IDEM-A', name: 'A' });
    const other = await post('key-shared', { ref: 'IDEM-B', name: 'B' }, OTHER_AUTH);
    expect(other.status).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
  });

  test('when the same key and body go to record ids that differ only in case, then they are two requests', async () => {
    await post('key-case', { ref: 'CASE-a', name: 'Lower' });
    await post('key-case-2', { ref: 'CASE-A', name: 'Upper' });
    const put = (id: string) =>
      request(h.url)
        .put(`${PARTNERS}/${id}`)
        .set(SYNC_AUTH)
        .set('Idempotency-Key', 'key-put-case')
        .send({ name: 'Renamed' });
    expect((await put('CASE-a')).status).toBe(200);
    const second = await put('CASE-A');
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect((await request(h.url).get(`${PARTNERS}/CASE-A`).set(SYNC_AUTH)).body.data.name).toBe('Renamed');
  });

  test('when a create times out after Odoo saved it and is retried with the same key, then exactly one record exists', async () => {
    h.sim.controls.injectFailure({
      kind: 'hang',
      model: 'res.partner',
      method: 'create',
      afterExecute: true,
      times: 1,
    });
    const first = await post('key-timeout', { ref: 'IDEM-T', name: 'Slow' });
    expect(first.status).toBe(504);
    expect(first.body.status_code).toBe('ODOO_TIMEOUT');
    expect(first.body.error).toContain('may or may not have been applied');
    expect(first.body.error).toContain('same Idempotency-Key is safe');
    const retry = await post('key-timeout', { ref: 'IDEM-T', name: 'Slow' });
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ success: true, message: 'Record created', id: expect.any(Number) });
    expect(callsOf('create')).toHaveLength(1);
    expect(await countByRef('IDEM-T')).toBe(1);
    const third = await post('key-timeout', { ref: 'IDEM-T', name: 'Slow' });
    expect(third.body).toEqual(retry.body);
    expect(third.headers['idempotent-replayed']).toBe('true');
  });

  test('when a create times out before Odoo saw it and is retried, then the retry creates it once', async () => {
    h.sim.controls.injectFailure({ kind: 'hang', model: 'res.partner', method: 'create', times: 1 });
    const first = await post('key-timeout-2', { ref: 'IDEM-T2', name: 'Lost' });
    expect(first.status).toBe(504);
    const retry = await post('key-timeout-2', { ref: 'IDEM-T2', name: 'Lost' });
    expect(retry.status).toBe(201);
    expect(await countByRef('IDEM-T2')).toBe(1);
  });

  test('when a batch create times out and is retried with the same key, then each record exists once', async () => {
    const bodies = [1, 2, 3].map((i) => ({ ref: `IDEM-BT-${i}`, name: `Batch ${i}` }));
    h.sim.controls.injectFailure({
      kind: 'hang',
      model: 'res.partner',
      method: 'create',
      afterExecute: true,
      times: 1,
    });
    const first = await request(h.url)
      .post(PARTNERS)
      .set(SYNC_AUTH)
      .set('Idempotency-Key', 'key-bt')
      .send(bodies);
    expect(first.body).toMatchObject({ success: false, failed: 3 });
    expect(first.body.results[0]).toMatchObject({ status_code: 'ODOO_TIMEOUT' });
    const retry = await request(h.url)
      .post(PARTNERS)
      .set(SYNC_AUTH)
      .set('Idempotency-Key', 'key-bt')
      .send(bodies);
    expect(retry.body).toMatchObject({ success: true, created: 3, failed: 0 });
    expect(callsOf('create')).toHaveLength(1);
    for (const body of bodies) expect(await countByRef(body.ref)).toBe(1);
  });

  test('when a create without record identifier times out, then the retry refuses to guess instead of duplicating', async () => {
    h.sim.controls.injectFailure({
      kind: 'hang',
      model: 'res.partner',
      method: 'create',
      afterExecute: true,
      times: 1,
    });
    const first = await post('key-notes', { name: 'Note without identifier' }, SYNC_AUTH, NOTES);
    expect(first.status).toBe(504);
    const retry = await post('key-notes', { name: 'Note without identifier' }, SYNC_AUTH, NOTES);
    expect(retry.status).toBe(409);
    expect(retry.body.error).toContain('no record identifier');
    expect(callsOf('create')).toHaveLength(1);
  });

  test('when a twin arrives while the first is running, then it waits and gets the same response', async () => {
    h.sim.controls.setLatency(60);
    const [a, b] = await Promise.all([
      post('key-twin', { ref: 'IDEM-TW', name: 'Twin' }),
      new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
        post('key-twin', { ref: 'IDEM-TW', name: 'Twin' }),
      ),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect(callsOf('create')).toHaveLength(1);
  });

  test('when a twin outwaits its patience, then it is a 409 REQUEST_IN_PROGRESS', async () => {
    h.sim.controls.setLatency(250); // the first request makes several calls: well over the 300 ms wait
    const first = post('key-busy', { ref: 'IDEM-BUSY', name: 'Busy' }).then((res) => res); // supertest sends on then()
    await new Promise((resolve) => setTimeout(resolve, 30));
    const twin = await post('key-busy', { ref: 'IDEM-BUSY', name: 'Busy' });
    expect(twin.status).toBe(409);
    expect(twin.body.status_code).toBe('REQUEST_IN_PROGRESS');
    expect(twin.headers['retry-after']).toBe('1');
    expect((await first).status).toBe(201);
  });

  test('when a request fails validation, then the retry gets the same 400 without a new attempt', async () => {
    const first = await post('key-invalid', { ref: 'IDEM-BAD', name: 'Bad', email: 'nope' });
    expect(first.status).toBe(400);
    const retry = await post('key-invalid', { ref: 'IDEM-BAD', name: 'Bad', email: 'nope' });
    expect(retry.status).toBe(400);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  test('when the key is not printable ASCII, then it is a 400', async () => {
    const res = await post('x'.repeat(256), { ref: 'IDEM-K', name: 'K' });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('Idempotency-Key');
  });
});

describe('retries of the Odoo client, seen from the HTTP side', () => {
  let h: Harness;
  let config: SyncConfig;
  beforeAll(async () => {
    config = writeSyncConfig();
    h = await startHarness({
      configPath: config.configPath,
      timeoutMs: TIMEOUT_MS,
      // A twin gives up after 300 ms (5 s in production), so the 409 test stays short.
      extraDeps: { idempotency: { waitMs: 300 } },
    });
  });
  afterAll(async () => {
    await h.close();
    config.remove();
  });

  test('when the connection drops during a create, then the write is not retried and the caller learns the outcome is unknown', async () => {
    h.resetCalls();
    h.sim.controls.injectFailure({
      kind: 'reset',
      model: 'res.partner',
      method: 'create',
      afterExecute: true,
      times: 1,
    });
    const res = await request(h.url).post(PARTNERS).set(SYNC_AUTH).send({ ref: 'RESET-1', name: 'Reset' });
    expect(res.status).toBe(503);
    expect(res.body.error).toContain('may or may not have been applied');
    expect(h.objectCalls().filter((call) => call.modelMethod === 'create')).toHaveLength(1);
  });

  test('when the connection drops during a read, then the read is retried once and succeeds', async () => {
    h.resetCalls();
    h.sim.controls.injectFailure({
      kind: 'reset',
      model: 'res.partner',
      method: 'web_search_read',
      times: 1,
    });
    const res = await request(h.url).get(`${PARTNERS}/RESET-1`).set(SYNC_AUTH);
    expect(res.status).toBe(200);
    expect(h.objectCalls().filter((call) => call.modelMethod === 'web_search_read')).toHaveLength(2);
  });
});
