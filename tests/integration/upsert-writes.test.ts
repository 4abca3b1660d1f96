import request from 'supertest';
import { SYNC_AUTH, SyncConfig, writeSyncConfig } from './batch-fixtures';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

const PARTNERS = '/bj_api_sync/v1/partners';
const CUSTOMERS = '/bj_api_sync/v1/customers';

describe('upsert over the simulator', () => {
  let h: Harness;
  let config: SyncConfig;
  beforeAll(async () => {
    config = writeSyncConfig();
    h = await startHarness({ configPath: config.configPath });
  });
  afterAll(async () => {
    await h.close();
    config.remove();
  });
  beforeEach(() => h.resetCalls());

  const callsOf = (method: string) => h.objectCalls().filter((call) => call.modelMethod === method);

  test('when an upsert endpoint receives a POST of an existing identifier, then it updates that record (200)', async () => {
    const first = await request(h.url)
      .post(PARTNERS)
      .set(SYNC_AUTH)
      .send({ ref: 'UP-1', name: 'First', city: 'Gent' });
    expect(first.status).toBe(201);
    h.resetCalls();
    const again = await request(h.url).post(PARTNERS).set(SYNC_AUTH).send({ ref: 'UP-1', name: 'Second' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ success: true, message: 'Record updated', id: first.body.id });
    expect(callsOf('create')).toHaveLength(0);
    expect(callsOf('write')[0]?.args).toEqual([[first.body.id], { name: 'Second' }]);
    const read = await request(h.url).get(`${PARTNERS}/UP-1`).set(SYNC_AUTH);
    expect(read.body.data).toMatchObject({ name: 'Second', city: 'Gent' });
  });

  test('when an upsert endpoint receives a PUT of an unknown identifier, then it creates the record (201)', async () => {
    const res = await request(h.url).put(`${PARTNERS}/UP-NEW`).set(SYNC_AUTH).send({ name: 'Made by PUT' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ success: true, message: 'Record created', id: expect.any(Number) });
    const read = await request(h.url).get(`${PARTNERS}/UP-NEW`).set(SYNC_AUTH);
    expect(read.body.data).toMatchObject({ ref: 'UP-NEW', name: 'Made by PUT' });
    const again = await request(h.url).put(`${PARTNERS}/UP-NEW`).set(SYNC_AUTH).send({ city: 'Liège' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);
  });

  test('when an upsert batch mixes new and existing identifiers, then each is created or updated', async () => {
    await request(h.url).post(PARTNERS).set(SYNC_AUTH).send({ ref: 'UPB-1', name: 'Old' });
    h.resetCalls();
    const res = await request(h.url)
      .post(PARTNERS)
      .set(SYNC_AUTH)
      .send([
        { ref: 'UPB-1', name: 'Renamed' },
        { ref: 'UPB-2', name: 'New' },
      ]);
    expect(res.body).toMatchObject({ success: true, created: 1, updated: 1, failed: 0 });
    expect(res.body.results.map((r: { message: string }) => r.message)).toEqual([
      'Record updated',
      'Record created',
    ]);
    expect(callsOf('create')).toHaveLength(1);
    expect(callsOf('write')).toHaveLength(1);
  });

  test('when an upsert batch mixes creates and updates, then their relation values are looked up once', async () => {
    await request(h.url).post(PARTNERS).set(SYNC_AUTH).send({ ref: 'UPC-1', name: 'Old' });
    h.resetCalls();
    const res = await request(h.url)
      .post(PARTNERS)
      .set(SYNC_AUTH)
      .send([
        { ref: 'UPC-1', name: 'Updated', country: 'BE' },
        { ref: 'UPC-2', name: 'Created', country: 'FR' },
      ]);
    expect(res.body).toMatchObject({ success: true, created: 1, updated: 1 });
    const countryLookups = h
      .objectCalls()
      .filter((c) => c.model === 'res.country' && c.modelMethod === 'search_read');
    expect(countryLookups).toHaveLength(1);
    const read = await request(h.url).get(`${PARTNERS}?ref[in]=UPC-1,UPC-2&order=ref`).set(SYNC_AUTH);
    expect(read.body.data.map((p: { country: string }) => p.country)).toEqual(['BE', 'FR']);
  });

  test('when an endpoint without upsert receives a POST of an existing identifier, then it is a 409 naming it', async () => {
    const res = await request(h.url)
      .post(CUSTOMERS)
      .set(SHOP_AUTH)
      .send({ customer_id: 'C-1001', name: 'Dup' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ success: false, status_code: 'CONFLICT', line_id: 'customer_id' });
    expect(res.body.error).toBe('A customers record with customer_id "C-1001" already exists');
    expect(callsOf('create')).toHaveLength(0);
  });

  test('when an endpoint without upsert receives a PUT of an unknown identifier, then it is a 404', async () => {
    const res = await request(h.url).put(`${CUSTOMERS}/C-UNKNOWN`).set(SHOP_AUTH).send({ phone: '1' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status_code: 'NOT_FOUND', line_id: 'customer_id' });
    expect(callsOf('create')).toHaveLength(0);
  });

  test('when an upsert POST of an existing record is invalid, then nothing is written', async () => {
    const res = await request(h.url).post(PARTNERS).set(SYNC_AUTH).send({ ref: 'UP-1', email: 'bad' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'email' });
    expect(callsOf('write')).toHaveLength(0);
  });
});

describe('renaming a record identifier with PUT', () => {
  test('when PUT gives a customer an identifier another customer has, then 409 CONFLICT and nothing is written', async () => {
    const h = await startHarness();
    try {
      h.resetCalls();
      const res = await request(h.url)
        .put('/bj_api_sync/v1/customers/C-1001')
        .set(SHOP_AUTH)
        .send({ customer_id: 'C-1002' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ status_code: 'CONFLICT', line_id: 'customer_id' });
      expect(h.objectCalls().some((c) => c.modelMethod === 'write')).toBe(false);

      const renamed = await request(h.url)
        .put('/bj_api_sync/v1/customers/C-1001')
        .set(SHOP_AUTH)
        .send({ customer_id: 'C-5001' });
      expect(renamed.status).toBe(200);
      expect((await request(h.url).get('/bj_api_sync/v1/customers/C-5001').set(SHOP_AUTH)).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe('concurrent writes of one identifier value', () => {
  test('when three POSTs of the same new customer_id race, then one creates it and the others get 409', async () => {
    const h = await startHarness();
    try {
      h.sim.controls.setLatency(20); // widen the window between lookup and create
      const post = () =>
        request(h.url).post(CUSTOMERS).set(SHOP_AUTH).send({ customer_id: 'RACE-1', name: 'Racing' });
      const statuses = (await Promise.all([post(), post(), post()])).map((res) => res.status).sort();
      expect(statuses).toEqual([201, 409, 409]);
      h.sim.controls.setLatency(0);
      expect((await request(h.url).get(`${CUSTOMERS}/RACE-1`).set(SHOP_AUTH)).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});
