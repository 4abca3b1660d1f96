/**
 * Property: bad input of any kind, at every endpoint and method, gets a clear 4xx JSON error (or a 2xx
 * where it happens to be valid), never a 5xx; a rejected request changes nothing in Odoo; and the
 * gateway still answers afterwards. Seeded, so every run throws the same 1,500 requests.
 */
import http from 'node:http';
import { createOdooClient } from '../../src/odoo/create-odoo-client';
import { OdooClient } from '../../src/odoo/odoo-client';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';
import { AllowedChanges, Snapshot, countRecords, snapshot, unexplainedChanges } from './robustness-data';
import { createRng } from './robustness-junk';
import { FuzzTarget, fuzzRequest } from './robustness-requests';
import { changingCalls, contractProblems, describe as describeRequest, send } from './robustness-wire';

const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20260529);
const REQUESTS = 1500;
const MODELS = [
  'res.partner',
  'res.partner.category',
  'product.product',
  'sale.order',
  'sale.order.line',
  'res.country',
  'res.currency',
];
const TAGS_AUTH = `Basic ${Buffer.from('tags:tags-secret').toString('base64')}`;

let h: Harness;
let odoo: OdooClient;
let agent: http.Agent;

beforeAll(async () => {
  h = await startHarness();
  odoo = createOdooClient(h.config.settings.odoo);
  agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
});

afterAll(async () => {
  agent.destroy();
  await odoo.close();
  await h.close();
});

function targets(): FuzzTarget[] {
  return [...h.config.endpoints.values()].map((endpoint) => ({
    endpoint,
    authorization:
      endpoint.auth.type === 'bearer'
        ? SHOP_AUTH.Authorization
        : endpoint.auth.type === 'basic'
          ? TAGS_AUTH
          : undefined,
  }));
}

interface RunResult {
  problems: string[];
  statuses: Map<number, number>;
  allowed: AllowedChanges;
  before: Snapshot;
  partnersBefore: number;
}

async function run(): Promise<RunResult> {
  const rng = createRng(SEED);
  const all = targets();
  const before = await snapshot(odoo, MODELS);
  const partnersBefore = await countRecords(odoo, 'res.partner');
  const allowed = new AllowedChanges();
  const problems: string[] = [];
  const statuses = new Map<number, number>();
  h.resetCalls();
  for (let serial = 0; serial < REQUESTS; serial++) {
    const request = fuzzRequest(rng, all, serial);
    let found: string[];
    try {
      const response = await send(h.url, request, agent);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      found = contractProblems(request, response);
      const changes = changingCalls(h.objectCalls());
      h.resetCalls();
      if (response.status < 300) allowed.record(changes);
      else if (changes.length > 0) {
        found.push(
          `answered ${response.status} but called ${changes.map((c) => `${c.model}.${c.modelMethod}`)}`,
        );
      }
    } catch (error) {
      found = [`no response: ${(error as Error).message}`];
    }
    if (found.length > 0 && problems.length < 40)
      problems.push(`#${serial} ${found.join('; ')} ← ${describeRequest(request)}`);
  }
  return { problems, statuses, allowed, before, partnersBefore };
}

describe('robustness: generated bad input at every endpoint', () => {
  let result: RunResult;

  beforeAll(async () => {
    result = await run();
  }, 60_000);

  it('when 1,500 generated bad requests hit every endpoint and method, then each gets a JSON 4xx (or a valid 2xx) and never a 5xx', () => {
    expect(result.problems).toEqual([]);
    const total = [...result.statuses.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBe(REQUESTS);
    // The generator must really reach validation, not bounce off the router or auth.
    expect(result.statuses.get(400) ?? 0).toBeGreaterThan(REQUESTS / 4);
    for (const status of [401, 404, 405, 413, 415])
      expect(result.statuses.get(status) ?? 0).toBeGreaterThan(0);
  });

  it('when the run is over, then the log holds no internal error and no credential', () => {
    const logs = h.logs.join('\n');
    expect(h.logs.filter((line) => line.includes('"level":"error"'))).toEqual([]);
    for (const secret of ['shop-secret-token', 'tags-secret', TAGS_AUTH.slice('Basic '.length)]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('when the run is over, then the gateway still answers /health and a normal GET', async () => {
    const health = await send(h.url, { method: 'GET', path: '/health', headers: {} });
    expect(health.status).toBe(200);
    const list = await send(h.url, {
      method: 'GET',
      path: '/bj_api_sync/v1/customers?limit=5',
      headers: { ...SHOP_AUTH },
    });
    expect(list.status).toBe(200);
    expect(JSON.parse(list.text)).toMatchObject({ success: true, limit: 5 });
  });

  it('when the run is over, then Odoo holds no change other than those of the 2xx writes', async () => {
    const after = await snapshot(odoo, MODELS);
    expect(unexplainedChanges(result.before, after, result.allowed)).toEqual([]);
    const partnersAfter = await countRecords(odoo, 'res.partner');
    expect(partnersAfter - result.partnersBefore).toBeLessThanOrEqual(result.allowed.creations);
    expect(partnersAfter).toBeGreaterThanOrEqual(result.partnersBefore);
  });
});
