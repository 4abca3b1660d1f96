import request from 'supertest';
import { SYNC_AUTH, SyncConfig, writeSyncConfig } from './batch-fixtures';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

const PARTNERS = '/bj_api_sync/v1/partners';

describe('batch writes over the simulator', () => {
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
  const partner = (ref: string) => request(h.url).get(`${PARTNERS}/${ref}`).set(SYNC_AUTH);

  test('when 500 new records are posted, then one create call saves them all, in input order', async () => {
    const bodies = Array.from({ length: 500 }, (_, i) => ({
      ref: `B500-${i}`,
      name: `Batch ${i}`,
      country: 'BE',
    }));
    const res = await request(h.url).post(PARTNERS).set(SYNC_AUTH).send(bodies);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, created: 500, updated: 0, failed: 0 });
    expect(res.body.results).toHaveLength(500);
    expect(res.body.results[7]).toEqual({
      index: 7,
      success: true,
      id: expect.any(Number),
      message: 'Record created',
    });
    expect(callsOf('create')).toHaveLength(1);
    expect(callsOf('create')[0]?.args[0]).toHaveLength(500);
    expect(callsOf('search_read').filter((call) => call.model === 'res.partner')).toHaveLength(1);
    const last = await partner('B500-499');
    expect(last.body.data).toMatchObject({ ref: 'B500-499', name: 'Batch 499', country: 'BE' });
  });

  test('when 3 items of a batch are invalid, then the others are saved and each bad one names its line_id', async () => {
    const bodies = Array.from({ length: 10 }, (_, i) => ({
      ref: `MIX-${i}`,
      name: `Mixed ${i}`,
    })) as object[];
    bodies[2] = { ref: 'MIX-2', name: 'Bad email', email: 'not-an-email' };
    bodies[5] = { ref: 'MIX-5', name: 'Bad country', country: 'XX' };
    bodies[8] = { name: 'No ref' };
    const res = await request(h.url).post(PARTNERS).set(SYNC_AUTH).send(bodies);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: false, created: 7, updated: 0, failed: 3 });
    const failed = res.body.results.filter((r: { success: boolean }) => !r.success);
    expect(failed).toEqual([
      expect.objectContaining({ index: 2, status_code: 'VALIDATION_ERROR', line_id: 'email' }),
      expect.objectContaining({ index: 5, status_code: 'VALIDATION_ERROR', line_id: 'country' }),
      expect.objectContaining({ index: 8, status_code: 'VALIDATION_ERROR', line_id: 'ref' }),
    ]);
    expect(callsOf('create')).toHaveLength(1);
    expect(callsOf('create')[0]?.args[0]).toHaveLength(7);
    expect((await partner('MIX-9')).status).toBe(200);
    expect((await partner('MIX-2')).status).toBe(404);
  });

  test('when Odoo refuses 3 items of a combined create, then halving isolates them and saves the rest', async () => {
    const bodies: object[] = Array.from({ length: 32 }, (_, i) => ({ ref: `ODOO-${i}`, name: `Odoo ${i}` }));
    bodies[3] = { ref: 'ODOO-3', name: null };
    bodies[17] = { ref: 'ODOO-17', name: null }; // "Contacts require a name"
    bodies[30] = { ref: 'ODOO-30', name: null };
    const res = await request(h.url).post(PARTNERS).set(SYNC_AUTH).send(bodies);
    expect(res.body).toMatchObject({ success: false, created: 29, failed: 3 });
    const failed = res.body.results.filter((r: { success: boolean }) => !r.success);
    expect(failed.map((r: { index: number }) => r.index)).toEqual([3, 17, 30]);
    expect(failed[1]).toMatchObject({
      status_code: 'ODOO_VALIDATION_ERROR',
      error: expect.stringContaining('require a name'),
    });
    expect(failed[0].status_code).toBe('ODOO_VALIDATION_ERROR');
    // One call per item would be 32; halving needs about 2·log2(32) per bad item.
    expect(callsOf('create').length).toBeLessThanOrEqual(1 + 3 * 2 * 5);
    expect((await partner('ODOO-31')).status).toBe(200);
    expect((await partner('ODOO-30')).status).toBe(404);
  });

  test('when an atomic batch holds one invalid item, then nothing is saved and Odoo is not written to', async () => {
    const bodies = [
      { ref: 'ATOM-1', name: 'Atomic 1' },
      { ref: 'ATOM-2', name: 'Atomic 2', email: 'nope' },
      { ref: 'ATOM-3', name: 'Atomic 3' },
    ];
    const res = await request(h.url).post(`${PARTNERS}?atomic=true`).set(SYNC_AUTH).send(bodies);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: false, created: 0, updated: 0, failed: 3 });
    expect(res.body.results[1]).toMatchObject({
      success: false,
      line_id: 'email',
      status_code: 'VALIDATION_ERROR',
    });
    expect(res.body.results[0]).toMatchObject({ success: false, status_code: 'BATCH_ABORTED' });
    expect(res.body.results[0].error).toContain('item(s) 1 failed');
    expect(callsOf('create')).toHaveLength(0);
    expect((await partner('ATOM-1')).status).toBe(404);
  });

  test('when Odoo refuses one item of an atomic create, then the one create call saves nothing', async () => {
    const bodies = [
      { ref: 'ATOMO-1', name: 'Atomic 1' },
      { ref: 'ATOMO-2', name: null }, // Odoo: "Contacts require a name"
    ];
    const res = await request(h.url).post(`${PARTNERS}?atomic=true`).set(SYNC_AUTH).send(bodies);
    expect(res.body).toMatchObject({ success: false, created: 0, failed: 2 });
    expect(res.body.results[0]).toMatchObject({ status_code: 'ODOO_VALIDATION_ERROR' });
    expect(callsOf('create')).toHaveLength(1);
    expect((await partner('ATOMO-1')).status).toBe(404);
  });

  test('when an atomic batch mixes creates and updates, then it is a 400 that says why, before any write', async () => {
    await request(h.url).post(PARTNERS).set(SYNC_AUTH).send({ ref: 'ATOMX-1', name: 'Exists' });
    h.resetCalls();
    const bodies = [
      { ref: 'ATOMX-1', name: 'Renamed' },
      { ref: 'ATOMX-2', name: 'New' },
    ];
    const res = await request(h.url).post(`${PARTNERS}?atomic=true`).set(SYNC_AUTH).send(bodies);
    expect(res.status).toBe(400);
    expect(res.body.status_code).toBe('VALIDATION_ERROR');
    expect(res.body.error).toMatch(
      /atomic=true cannot be honoured: this batch needs 1 create\(s\) and 1 write call/,
    );
    expect(callsOf('create').length + callsOf('write').length).toBe(0);
  });

  test('when updated records receive identical values, then they share one write call', async () => {
    const refs = ['GRP-1', 'GRP-2', 'GRP-3', 'GRP-4', 'GRP-5'];
    await request(h.url)
      .post(PARTNERS)
      .set(SYNC_AUTH)
      .send(refs.map((ref) => ({ ref, name: ref })));
    h.resetCalls();
    const bodies = refs.map((ref, i) => ({ ref, city: i < 3 ? 'Gent' : 'Namur' }));
    const res = await request(h.url).put(PARTNERS).set(SYNC_AUTH).send(bodies);
    expect(res.body).toMatchObject({ success: true, created: 0, updated: 5, failed: 0 });
    expect(res.body.results[0]).toMatchObject({ success: true, message: 'Record updated' });
    const writes = callsOf('write');
    expect(writes).toHaveLength(2);
    expect(writes.map((call) => (call.args[0] as number[]).length).sort()).toEqual([2, 3]);
    expect((await partner('GRP-4')).body.data.city).toBe('Namur');
  });

  test('when an atomic batch only updates with the same values, then it is one write', async () => {
    const res = await request(h.url)
      .put(`${PARTNERS}?atomic=true`)
      .set(SYNC_AUTH)
      .send([
        { ref: 'GRP-1', city: 'Brugge' },
        { ref: 'GRP-2', city: 'Brugge' },
      ]);
    expect(res.body).toMatchObject({ success: true, updated: 2 });
    expect(callsOf('write')).toHaveLength(1);
  });

  test('when a batch names the same record twice, then the second is a conflict and the first is saved', async () => {
    const res = await request(h.url)
      .post(PARTNERS)
      .set(SYNC_AUTH)
      .send([
        { ref: 'TWICE', name: 'One' },
        { ref: 'TWICE', name: 'Two' },
      ]);
    expect(res.body).toMatchObject({ created: 1, failed: 1 });
    expect(res.body.results[1]).toMatchObject({ status_code: 'CONFLICT', line_id: 'ref' });
    expect(res.body.results[1].error).toContain('first at index 0');
  });

  test('when a PUT batch names an unknown record on an endpoint without upsert, then that item is a 404', async () => {
    const res = await request(h.url)
      .put('/bj_api_sync/v1/customers')
      .set(SHOP_AUTH)
      .send([
        { customer_id: 'C-1001', phone: '+32 2 000' },
        { customer_id: 'C-NOPE', phone: '1' },
        { phone: '2' },
      ]);
    expect(res.body).toMatchObject({ success: false, updated: 1, failed: 2 });
    expect(res.body.results[1]).toMatchObject({ status_code: 'NOT_FOUND', line_id: 'customer_id' });
    expect(res.body.results[2]).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'customer_id' });
  });

  test('when a batch is larger than max_batch, empty, or atomic is not a boolean, then it is refused whole', async () => {
    const big = Array.from({ length: 601 }, (_, i) => ({ ref: `BIG-${i}`, name: 'x' }));
    const tooBig = await request(h.url).post(PARTNERS).set(SYNC_AUTH).send(big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toContain('at most 600 items');
    const empty = await request(h.url).post(PARTNERS).set(SYNC_AUTH).send([]);
    expect(empty.status).toBe(400);
    const badFlag = await request(h.url)
      .post(`${PARTNERS}?atomic=maybe`)
      .set(SYNC_AUTH)
      .send([{ ref: 'F', name: 'F' }]);
    expect(badFlag.status).toBe(400);
    expect(badFlag.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'atomic' });
    expect(h.objectCalls().filter((call) => call.modelMethod !== 'fields_get')).toHaveLength(0);
  });
});
