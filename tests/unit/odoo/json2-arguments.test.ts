import { InternalError } from '../../../src/errors/errors';
import { bindJson2Arguments, json2Result } from '../../../src/odoo/json2-arguments';
import { transcriptCases } from './transcript-cases';

describe('bindJson2Arguments', () => {
  it.each([
    [
      'search_read',
      [[['id', '=', 1]], ['name']],
      { limit: 5 },
      { domain: [['id', '=', 1]], fields: ['name'], limit: 5 },
    ],
    ['search_count', [[]], {}, { domain: [] }],
    ['read', [[7], ['name']], {}, { ids: [7], fields: ['name'] }],
    ['create', [[{ name: 'A' }]], {}, { vals_list: [{ name: 'A' }] }],
    ['create', [{ name: 'A' }], {}, { vals_list: { name: 'A' } }],
    ['write', [[7], { name: 'B' }], {}, { ids: [7], vals: { name: 'B' } }],
    ['unlink', [[7, 8]], {}, { ids: [7, 8] }],
    ['fields_get', [], { attributes: ['type'] }, { attributes: ['type'] }],
    ['fields_get', [['name'], ['type']], {}, { allfields: ['name'], attributes: ['type'] }],
    ['name_search', ['Ac'], { limit: 5 }, { name: 'Ac', limit: 5 }],
    ['default_get', [['name']], {}, { fields_list: ['name'] }],
    ['check_access_rights', ['read', false], {}, { operation: 'read', raise_exception: false }],
    [
      'web_search_read',
      [[], { name: {} }, 0, 10, 'id', 100],
      {},
      { domain: [], specification: { name: {} }, offset: 0, limit: 10, order: 'id', count_limit: 100 },
    ],
    ['web_read', [[7], { name: {} }], {}, { ids: [7], specification: { name: {} } }],
    [
      'web_save',
      [[], { name: 'C' }, { name: {} }],
      {},
      { ids: [], vals: { name: 'C' }, specification: { name: {} } },
    ],
  ])('when %s is called with %j and %j, then JSON-2 gets %j', (method, args, kwargs, body) => {
    expect(bindJson2Arguments('res.partner', method, args, kwargs)).toEqual(body);
  });

  it('when a context is passed in kwargs, then it travels as the named argument context', () => {
    expect(bindJson2Arguments('res.partner', 'search', [[]], { context: { active_test: false } })).toEqual({
      domain: [],
      context: { active_test: false },
    });
  });

  it('when a method outside the table is called with named arguments only, then they pass unchanged', () => {
    expect(bindJson2Arguments('res.partner', 'action_archive', [], { ids: [3] })).toEqual({ ids: [3] });
  });

  it.each([
    ['a method outside the table gets positional arguments', 'action_archive', [[3]], {}],
    ['more positional arguments than the method takes', 'unlink', [[3], true], {}],
    ['a parameter is given both by position and by name', 'search_read', [[]], { domain: [] }],
  ])(
    "when %s, then it fails as a gateway bug (500), never as the caller's fault",
    (_what, method, args, kwargs) => {
      let error: unknown;
      try {
        bindJson2Arguments('res.partner', method, args, kwargs);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InternalError);
      expect((error as InternalError).message).toMatch(
        /^The gateway cannot call Odoo over JSON-2: res\.partner\./,
      );
    },
  );

  it("when every recorded JSON-2 call of the gateway's methods is rebuilt from positional arguments, then the body is the recorded one", () => {
    const positional: Record<string, (body: Record<string, unknown>) => unknown[]> = {
      read: (b) => [b.ids, b.fields],
      write: (b) => [b.ids, b.vals],
      unlink: (b) => [b.ids],
      create: (b) => [b.vals_list],
      search_count: (b) => [b.domain],
    };
    const recorded = transcriptCases('odoo-19.0-json2.json').filter(
      (c) => c.protocol === 'json2' && c.http_status === 200 && c.method && c.method in positional,
    );
    expect(recorded.length).toBeGreaterThan(5);
    for (const c of recorded) {
      const body = JSON.parse(c.request_body) as Record<string, unknown>;
      const { context, ...named } = body;
      const args = (positional[c.method as string] as (b: Record<string, unknown>) => unknown[])(named);
      const kwargs = context === undefined ? {} : { context };
      expect(bindJson2Arguments(c.model as string, c.method as string, args, kwargs)).toEqual(body);
    }
  });
});

describe('json2Result', () => {
  it('when create was given one dict, then the one-id list JSON-2 answers becomes the id, as on XML-RPC', () => {
    expect(json2Result('create', [{ name: 'A' }], [10])).toBe(10);
  });

  it('when create was given a list of dicts, then the list of ids is kept', () => {
    expect(json2Result('create', [[{ name: 'A' }]], [10])).toEqual([10]);
  });

  it('when another method answers a one-item list, then it is kept', () => {
    expect(json2Result('search', [[]], [10])).toEqual([10]);
  });
});
