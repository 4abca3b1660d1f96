/**
 * The Postman collection the gateway serves, run by newman (Postman's own runner, library API) against
 * the gateway in front of the simulator with the shipped configuration: every `pm.test` must pass and
 * no request of the happy path may answer 4xx or 5xx.
 */
import newman, { NewmanRunSummary } from 'newman';
import request from 'supertest';
import { Harness, SHOP_TOKEN, startHarness } from './support/gateway-harness';
import { writeTempConfig } from './support/temp-config';

/** An endpoint with `upsert: true` (the shipped config has none), for the upsert requests. */
const UPSERT_MEMBERS = `
endpoint: members
model: res.partner
methods: [GET, POST, PUT, DELETE]
auth: { type: bearer, tokens: [members-token] }
upsert: true
delete: archive
fields:
  - { key: member_id, field: ref, identifier: true, required: true, example: M-1001 }
  - { key: name, field: name, required: true, example: Ada Member }
  - { key: city, field: city, example: Ghent }
`;

function runCollection(collection: object, envVar: Array<{ key: string; value: string }>) {
  return new Promise<NewmanRunSummary>((resolve, reject) => {
    newman.run({ collection, envVar, reporters: [], timeoutRequest: 10_000 }, (error, summary) =>
      error ? reject(error) : resolve(summary),
    );
  });
}

function failuresOf(summary: NewmanRunSummary): string[] {
  return summary.run.failures.map(
    (failure) => `${failure.source?.name ?? '?'}: ${failure.error.test ?? ''} ${failure.error.message}`,
  );
}

describe('the Postman collection as a smoke suite (newman)', () => {
  let h: Harness;
  let collection: { item: Array<{ name: string; item: unknown[] }>; variable: Array<{ key: string }> };
  const credentials = [
    { key: 'customers_token', value: SHOP_TOKEN },
    { key: 'products_token', value: SHOP_TOKEN },
    { key: 'sale-orders_token', value: SHOP_TOKEN },
    { key: 'partner-tags_username', value: 'tags' },
    { key: 'partner-tags_password', value: 'tags-secret' },
  ];

  beforeAll(async () => {
    h = await startHarness();
    collection = (await request(h.url).get('/bj_api_sync/v1/postman.json')).body;
  });
  afterAll(() => h.close());

  test('when the credentials are set, then every request passes its checks and none answers an error', async () => {
    const summary = await runCollection(collection, [{ key: 'baseUrl', value: h.url }, ...credentials]);
    expect(failuresOf(summary)).toEqual([]);
    const codes = summary.run.executions.map((run) => `${run.item.name}: ${run.response?.code}`);
    expect(codes.filter((line) => !/: 2\d\d$/.test(line))).toEqual([]);
    // Checks really ran: every request has at least one.
    expect(summary.run.stats.assertions.total).toBeGreaterThanOrEqual(summary.run.executions.length);
    const names = summary.run.executions.map((run) => run.item.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Create customers',
        'Get one customers',
        'Filter customers by customer_id',
        'Retry the update (replayed)',
        'Batch update customers',
        'Archive customers',
      ]),
    );
    expect(names.indexOf('Create customers')).toBeLessThan(names.indexOf('Get one customers'));
  });

  test('when the collection runs a second time, then its fresh identifiers do not collide', async () => {
    const summary = await runCollection(collection, [{ key: 'baseUrl', value: h.url }, ...credentials]);
    expect(failuresOf(summary)).toEqual([]);
  });

  test('when a token variable is left empty, then the run reports failures (the checks can fail)', async () => {
    const summary = await runCollection(collection, [{ key: 'baseUrl', value: h.url }]);
    expect(failuresOf(summary).join('\n')).toMatch(/status 201/);
  });

  test('when the collection is built, then its credential variables are named and documented, and empty', () => {
    const token = collection.variable.find((entry) => entry.key === 'customers_token');
    expect(token).toMatchObject({ value: '', description: expect.stringContaining('set it before a run') });
    expect(JSON.stringify(collection)).not.toContain(SHOP_TOKEN);
  });
});

describe('the Postman collection of an upsert endpoint (newman)', () => {
  test('when an endpoint has upsert: true, then its folder upserts a new record twice (201, then 200 on the same id) and every check passes', async () => {
    const config = writeTempConfig({ 'members.yaml': UPSERT_MEMBERS });
    const h = await startHarness({ configPath: config.configPath });
    try {
      const collection = (await request(h.url).get('/bj_api_sync/v1/postman.json')).body;
      const summary = await runCollection(collection, [
        { key: 'baseUrl', value: h.url },
        { key: 'members_token', value: 'members-token' },
      ]);
      expect(failuresOf(summary)).toEqual([]);
      const codes = summary.run.executions.map((run) => `${run.item.name}: ${run.response?.code}`);
      expect(codes).toEqual(
        expect.arrayContaining([
          'Upsert members (creates): 201',
          'Upsert members again (updates): 200',
          'Archive the upserted members: 200',
        ]),
      );
      expect(codes.filter((line) => !/: 2\d\d$/.test(line))).toEqual([]);
      const upserts = summary.run.executions.filter((run) => run.item.name.startsWith('Upsert'));
      const ids = upserts.map(
        (run) => (JSON.parse(run.response?.stream?.toString() ?? '{}') as { id?: number }).id,
      );
      expect(ids).toHaveLength(2);
      expect(ids[0]).toEqual(expect.any(Number));
      expect(ids[1]).toBe(ids[0]);
    } finally {
      await h.close();
      config.remove();
    }
  });
});
