/**
 * The Odoo 17+ read plan over a scripted Odoo answering with recorded replies: which calls a GET makes
 * and what it answers. tests/integration/web-read-plan.test.ts runs it against the simulator.
 */
import { AmbiguousIdentifierError } from '../../../src/errors/errors';
import { OdooClient, OdooConnectionInfo } from '../../../src/odoo/odoo-client';
import { ModelFieldsCache } from '../../../src/records/model-fields-cache';
import { usesWebPlan } from '../../../src/records/read-plan-choice';
import { ReadDeps, getRecord, listRecords } from '../../../src/records/record-reader';
import { BATCH_A_RENDERED, catalog, customers, lookup, recordedCase } from '../mapping/web-read-fixtures';

interface Call {
  model: string;
  method: string;
  kwargs: Record<string, unknown>;
}

function scriptedOdoo(answers: Record<string, unknown>, serverMajor = 18) {
  const calls: Call[] = [];
  const odoo: OdooClient = {
    protocol: 'jsonrpc',
    connection: async () =>
      ({
        protocol: 'jsonrpc',
        reason: 'test',
        serverVersion: `${serverMajor}.0`,
        serverMajor,
      }) satisfies OdooConnectionInfo,
    version: async () => ({ server_version: `${serverMajor}.0`, server_version_info: [serverMajor, 0] }),
    authenticate: async () => 2,
    executeKw: async <T>(
      model: string,
      method: string,
      _args: unknown[],
      kwargs: Record<string, unknown> = {},
    ) => {
      if (method === 'fields_get') return (catalog.get(model) ?? {}) as T;
      calls.push({ model, method, kwargs });
      return answers[method] as T;
    },
    load: () => ({ inFlight: 0, queued: 0 }),
    close: async () => undefined,
  };
  const deps: ReadDeps = { odoo, fields: new ModelFieldsCache(odoo), lookup, readPlan: 'web' };
  return { deps, calls };
}

const recordedPage = recordedCase('odoo-18.0-session.json', 'web_search_read').result as {
  length: number;
  records: unknown[];
};
const recordedRead = recordedCase('odoo-18.0-session.json', 'web_read').result as unknown[];

describe('web read plan', () => {
  test('when a list page is read, then it is one web_search_read and the total is its length', async () => {
    const { deps, calls } = scriptedOdoo({ web_search_read: recordedPage });
    const result = await listRecords(deps, customers, { limit: 2, offset: 0, order: [], filters: [] });
    expect(calls.map((call) => call.method)).toEqual(['web_search_read']);
    expect(calls[0]?.kwargs).toMatchObject({ domain: [], limit: 2, offset: 0 });
    expect(calls[0]?.kwargs).not.toHaveProperty('count_limit');
    expect(result).toMatchObject({ count: 2, total: 4, limit: 2, offset: 0 });
    expect(result.data[0]).toEqual(BATCH_A_RENDERED);
  });

  test('when the page is past the end, then a search_count gives the total Odoo does not', async () => {
    const { deps, calls } = scriptedOdoo({ web_search_read: { length: 0, records: [] }, search_count: 4 });
    const result = await listRecords(deps, customers, { limit: 2, offset: 10, order: [], filters: [] });
    expect(calls.map((call) => call.method)).toEqual(['web_search_read', 'search_count']);
    expect(result).toMatchObject({ count: 0, total: 4, offset: 10 });
  });

  test('when one record is read by id, then it is one web_search_read with limit 2 and relations rendered', async () => {
    const { deps, calls } = scriptedOdoo({
      web_search_read: { length: 1, records: recordedRead.slice(0, 1) },
    });
    const record = await getRecord(deps, customers, '1215');
    expect(calls).toEqual([
      expect.objectContaining({
        method: 'web_search_read',
        kwargs: expect.objectContaining({ domain: [['id', '=', 1215]], limit: 2 }),
      }),
    ]);
    expect(record).toMatchObject({ country: 'BE', tags: ['Transcript Web Tag'] });
  });

  test('when the identifier matches two records, then 409 as with the classic plan', async () => {
    const { deps } = scriptedOdoo({ web_search_read: { length: 2, records: recordedRead } });
    await expect(getRecord(deps, customers, '1215')).rejects.toBeInstanceOf(AmbiguousIdentifierError);
  });
});

describe('usesWebPlan', () => {
  test.each([
    ['auto', 16, false],
    ['auto', 17, true],
    ['classic', 18, false],
    ['web', 17, true],
    [undefined, 19, false],
  ] as const)('when the choice is %s and Odoo is %i, then web is %s', async (choice, major, web) => {
    expect(await usesWebPlan(scriptedOdoo({}, major).deps.odoo, choice)).toBe(web);
  });

  test('when web is forced on Odoo 16, then a 503 names the setting to change', async () => {
    const refused = usesWebPlan(scriptedOdoo({}, 16).deps.odoo, 'web');
    await expect(refused).rejects.toMatchObject({ status: 503, code: 'ODOO_UNAVAILABLE' });
    await expect(refused).rejects.toThrow(
      /odoo\.read_plan is "web", but this Odoo is version 16\.0.*auto or classic/,
    );
  });
});
