/**
 * A session the gateway relies on goes away (expiry mid-load, an Odoo restart): callers notice
 * nothing, the gateway logs in again once, and no write runs twice. Over real HTTP into the app
 * and the session protocol to the simulator (Odoo 18 with a password: `auto` settles on session).
 */
import request from 'supertest';
import { createOdooClient } from '../../src/odoo/create-odoo-client';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

/** Records with this ref in Odoo, asked over XML-RPC, outside the gateway's own session. */
async function countInOdoo(h: Harness, ref: string): Promise<number> {
  const odoo = createOdooClient({ ...h.config.settings.odoo, protocol: 'xmlrpc' });
  try {
    return await odoo.executeKw<number>('res.partner', 'search_count', [[['ref', '=', ref]]], {
      context: { active_test: false },
    });
  } finally {
    await odoo.close();
  }
}

function createCustomer(h: Harness, ref: string): request.Test {
  return request(h.url)
    .post('/bj_api_sync/v1/customers')
    .set(SHOP_AUTH)
    .send({ customer_id: ref, name: ref });
}

function readCustomer(h: Harness, ref: string): request.Test {
  return request(h.url).get(`/bj_api_sync/v1/customers/${ref}`).set(SHOP_AUTH);
}

describe('session expiry mid-load (Odoo 18, session)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('when every session expires while 20 reads and 5 writes run, then every request is answered, one new login is made and each write ran once', async () => {
    expect((await readCustomer(h, 'C-1001')).status).toBe(200); // settles the protocol, logs in
    const loginsBefore = h.sim.controls.sessionLogins();
    h.sim.controls.setLatency(20);
    const refs = ['C-7001', 'C-7002', 'C-7003', 'C-7004', 'C-7005'];
    // `.then` sends a supertest request now; the expiry lands while they are queued or in flight.
    const reads = Array.from({ length: 20 }, (_, i) =>
      readCustomer(h, `C-${1001 + (i % 10)}`).then((r) => r),
    );
    const writes = refs.map((ref) => createCustomer(h, ref).then((r) => r));
    await new Promise((resolve) => setTimeout(resolve, 10));
    h.sim.controls.expireSessions();
    const readStatuses = (await Promise.all(reads)).map((res) => res.status);
    const writeStatuses = (await Promise.all(writes)).map((res) => res.status);
    h.sim.controls.setLatency(0);

    expect(readStatuses).toEqual(Array(20).fill(200));
    expect(writeStatuses).toEqual(Array(5).fill(201));
    expect(h.sim.controls.sessionLogins() - loginsBefore).toBe(1);
    for (const ref of refs) expect(await countInOdoo(h, ref)).toBe(1);
  });
});

describe('an Odoo restart (multi-database Odoo 18: the old cookie gets an HTML 404)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ simulator: { multiDb: true } });
  });
  afterAll(() => h.close());

  it('when Odoo restarted and forgot every session, then the next read and write succeed after one new login', async () => {
    expect((await readCustomer(h, 'C-1001')).status).toBe(200);
    const loginsBefore = h.sim.controls.sessionLogins();
    h.sim.controls.restart();

    const read = await readCustomer(h, 'C-1002');
    const created = await createCustomer(h, 'C-7101');

    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ customer_id: 'C-1002' });
    expect(created.status).toBe(201);
    expect(h.sim.controls.sessionLogins() - loginsBefore).toBe(1);
    expect(await countInOdoo(h, 'C-7101')).toBe(1);
  });
});
