/**
 * The Postman collection the gateway serves, run by newman (Postman's own runner, library API) against
 * the gateway in front of the simulator with the shipped configuration: every `pm.test` must pass and
 * no request may answer 4xx or 5xx but the deliberate ones (a damaged change-feed cursor per endpoint
 * with GET, named "(deliberate 400)"), which must answer exactly 400.
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

/** `name: status` of every request, in the order they ran. */
function codesOf(summary: NewmanRunSummary): string[] {
  return summary.run.executions.map((run) => `${run.item.name}: ${run.response?.code}`);
}

/** Answers that are neither 2xx nor a deliberate error answering its 400. */
function unexpectedErrors(codes: string[]): string[] {
  return codes.filter((line) => !/: 2\d\d$/.test(line) && !/\(deliberate 400\): 400$/.test(line));
}

function bodyOf(summary: NewmanRunSummary, name: string): unknown {
  const run = summary.run.executions.find((execution) => execution.item.name === name);
  return JSON.parse(run?.response?.stream?.toString() ?? '{}');
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

  test('when the credentials are set, then every request passes its checks and none answers an error but the deliberate 400s', async () => {
    const summary = await runCollection(collection, [{ key: 'baseUrl', value: h.url }, ...credentials]);
    expect(failuresOf(summary)).toEqual([]);
    const codes = codesOf(summary);
    expect(unexpectedErrors(codes)).toEqual([]);
    expect(codes.filter((line) => line.includes('deliberate'))).toEqual(
      ['countries', 'customers', 'partner-tags', 'products', 'sale-orders'].map(
        (name) => `Changes of ${name} with a damaged cursor (deliberate 400): 400`,
      ),
    );
    // Checks really ran: every request has at least one.
    expect(summary.run.stats.assertions.total).toBeGreaterThanOrEqual(summary.run.executions.length);
    const names = summary.run.executions.map((run) => run.item.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Start the change feed of customers',
        'Create customers',
        'Changes of customers since the cursor',
        'Get one customers',
        'Filter customers by customer_id',
        'Retry the update (replayed)',
        'Batch update customers',
        'Archive customers',
      ]),
    );
    expect(names.indexOf('Create customers')).toBeLessThan(names.indexOf('Get one customers'));
    expect(names.indexOf('Start the change feed of customers')).toBeLessThan(
      names.indexOf('Create customers'),
    );
    expect(names.indexOf('Create customers')).toBeLessThan(
      names.indexOf('Changes of customers since the cursor'),
    );
    // The feed page after the create holds the record Get one read, by its identifier.
    const getOne = bodyOf(summary, 'Get one customers') as { data?: { customer_id?: string } };
    expect(getOne.data?.customer_id).toEqual(expect.stringMatching(/^C-\d+$/));
    const page = bodyOf(summary, 'Changes of customers since the cursor') as {
      data?: Array<{ customer_id?: string }>;
    };
    expect(page.data?.map((record) => record.customer_id)).toContain(getOne.data?.customer_id);
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
      const codes = codesOf(summary);
      expect(codes).toEqual(
        expect.arrayContaining([
          'Upsert members (creates): 201',
          'Upsert members again (updates): 200',
          'Archive the upserted members: 200',
        ]),
      );
      expect(unexpectedErrors(codes)).toEqual([]);
      const ids = ['Upsert members (creates)', 'Upsert members again (updates)'].map(
        (name) => (bodyOf(summary, name) as { id?: number }).id,
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
