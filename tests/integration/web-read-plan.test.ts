/**
 * The web read plan (odoo.read_plan auto on Odoo 17+) end to end: real HTTP into the app, the real wire
 * to the simulator of each version, on each protocol the gateway can use there. A GET one customer
 * (country, tags, contacts) and a GET list page of 100 customers are ONE Odoo call each, and answer
 * exactly what the classic plan answers on the same data. Calls counted from the simulator's log.
 */
import request from 'supertest';
import { OdooProtocol } from '../../src/odoo/odoo-client';
import { createOdooClient } from '../../src/odoo/create-odoo-client';
import { OdooVersion } from '../../src/simulator';
import { bulkCustomers } from './support/bulk-customers';
import { Harness, HarnessOptions, SHOP_AUTH, startHarness } from './support/gateway-harness';

const GET_ONE = '/bj_api_sync/v1/customers/B-1001';
const GET_LIST = '/bj_api_sync/v1/customers?limit=100&order=customer_id';

/** 120 customers more than the demo seed, each with a country, a tag and two contacts. */
async function seedCustomers(h: Harness): Promise<void> {
  const odoo = createOdooClient({ ...h.config.settings.odoo, protocol: 'xmlrpc' });
  try {
    const customers = bulkCustomers(120);
    await odoo.executeKw('res.partner', 'create', [customers]);
  } finally {
    await odoo.close();
  }
}

async function seededHarness(options: HarnessOptions): Promise<Harness> {
  const h = await startHarness(options);
  await seedCustomers(h);
  h.resetCalls();
  return h;
}

/** One GET: its body, the Odoo object calls it made, and the `odoo_calls` of its access log line. */
async function measuredGet(h: Harness, path: string, requestId: string) {
  h.resetCalls();
  const res = await request(h.url).get(path).set(SHOP_AUTH).set('X-Request-ID', requestId);
  expect(res.status).toBe(200);
  const calls = h.objectCalls().map((call) => `${call.model}.${call.modelMethod}`);
  const wires = new Set(h.objectCalls().map((call) => call.protocol));
  const probes = h.sim.controls.callLog().filter((call) => call.service !== 'object');
  await new Promise((resolve) => setImmediate(resolve)); // the access log line is written on 'finish'
  const line = h.logs
    .map((text) => JSON.parse(text) as Record<string, unknown>)
    .find((entry) => entry.message === 'request' && entry.request_id === requestId);
  return { body: res.body as Record<string, unknown>, calls, wires, probes, odooCalls: line?.odoo_calls };
}

const PROTOCOLS: Record<OdooVersion, OdooProtocol[]> = {
  17: ['xmlrpc', 'jsonrpc', 'session'],
  18: ['xmlrpc', 'jsonrpc', 'session'],
  19: ['xmlrpc', 'jsonrpc', 'session', 'json2'],
};

describe.each([17, 18, 19] as const)('web read plan on Odoo %i', (version) => {
  const classic: Record<string, unknown> = {};

  beforeAll(async () => {
    const h = await seededHarness({ odooVersion: version, env: { ODOO_READ_PLAN: 'classic' } });
    try {
      classic.one = (await measuredGet(h, GET_ONE, 'classic-one')).body;
      classic.list = (await measuredGet(h, GET_LIST, 'classic-list')).body;
    } finally {
      await h.close();
    }
  });

  test.each(PROTOCOLS[version])(
    'when GET one and GET list go over %s, then each is one Odoo call and answers as the classic plan',
    async (protocol) => {
      const h = await seededHarness({
        odooVersion: version,
        env: { ODOO_PROTOCOL: protocol, ODOO_READ_PLAN: 'auto' },
        useApiKey: protocol === 'json2',
      });
      try {
        // The first request of the process logs in, asks the version and reads fields_get once.
        const first = await measuredGet(h, GET_ONE, `first-${protocol}`);
        expect(first.body).toEqual(classic.one);
        const probeMethods = first.probes.map((call) => call.method);
        expect(new Set(probeMethods).size).toBe(probeMethods.length);

        const one = await measuredGet(h, GET_ONE, `one-${protocol}`);
        expect(one.calls).toEqual(['res.partner.web_search_read']);
        expect([...one.wires]).toEqual([protocol]);
        expect(one.probes).toEqual([]);
        expect(one.odooCalls).toBe(1);
        expect(one.body).toEqual(classic.one);
        expect(one.body.data).toMatchObject({ country: expect.any(String), tags: [expect.any(String)] });
        expect((one.body.data as { contacts: unknown[] }).contacts).toHaveLength(2);

        const list = await measuredGet(h, GET_LIST, `list-${protocol}`);
        expect(list.calls).toEqual(['res.partner.web_search_read']);
        expect(list.probes).toEqual([]);
        expect(list.odooCalls).toBe(1);
        expect(list.body).toMatchObject({ count: 100, total: 139 });
        expect(list.body).toEqual(classic.list);
      } finally {
        await h.close();
      }
    },
  );
});
