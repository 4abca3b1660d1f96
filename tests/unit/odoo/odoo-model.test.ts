import { OdooCallOptions, OdooClient } from '../../../src/odoo/odoo-client';
import { OdooModel, odooModel } from '../../../src/odoo/odoo-model';

interface Sent {
  model: string;
  method: string;
  args: unknown[];
  kwargs?: Record<string, unknown>;
  readOnly?: boolean;
}

function recordingClient(sent: Sent[]): OdooClient {
  const client: Partial<OdooClient> = {
    executeKw: async <T>(
      model: string,
      method: string,
      args: unknown[],
      kwargs?: Record<string, unknown>,
      options?: OdooCallOptions,
    ) => {
      sent.push({ model, method, args, kwargs, readOnly: options?.readOnly });
      return (method === 'check_access_rights' ? true : []) as T;
    },
  };
  return client as OdooClient;
}

describe('odooModel', () => {
  const cases: Array<[string, (model: OdooModel) => Promise<unknown>, Omit<Sent, 'model'>]> = [
    [
      'search_read',
      (m) => m.searchRead([['a', '=', 1]], { fields: ['name'], limit: 5, order: 'id asc' }),
      {
        method: 'search_read',
        args: [[['a', '=', 1]]],
        kwargs: { fields: ['name'], limit: 5, order: 'id asc', context: { lang: 'fr_BE' } },
        readOnly: true,
      },
    ],
    [
      'search_count',
      (m) => m.searchCount([]),
      { method: 'search_count', args: [[]], kwargs: { context: { lang: 'fr_BE' } }, readOnly: true },
    ],
    [
      'read',
      (m) => m.read([1], ['name']),
      {
        method: 'read',
        args: [[1]],
        kwargs: { fields: ['name'], context: { lang: 'fr_BE' } },
        readOnly: true,
      },
    ],
    [
      'create',
      (m) => m.create([{ name: 'x' }]),
      { method: 'create', args: [[{ name: 'x' }]], kwargs: { context: { lang: 'fr_BE' } }, readOnly: false },
    ],
    [
      'write',
      (m) => m.write([1], { name: 'y' }),
      {
        method: 'write',
        args: [[1], { name: 'y' }],
        kwargs: { context: { lang: 'fr_BE' } },
        readOnly: false,
      },
    ],
    [
      'unlink',
      (m) => m.unlink([1]),
      { method: 'unlink', args: [[1]], kwargs: { context: { lang: 'fr_BE' } }, readOnly: false },
    ],
    [
      'web_search_read',
      (m) => m.webSearchRead([], { name: {} }, { limit: 2, offset: 0, countLimit: 100 }),
      {
        method: 'web_search_read',
        args: [],
        kwargs: {
          domain: [],
          specification: { name: {} },
          offset: 0,
          limit: 2,
          count_limit: 100,
          context: { lang: 'fr_BE' },
        },
        readOnly: true,
      },
    ],
    [
      'web_read',
      (m) => m.webRead([1], { name: {} }),
      {
        method: 'web_read',
        args: [[1]],
        kwargs: { specification: { name: {} }, context: { lang: 'fr_BE' } },
        readOnly: true,
      },
    ],
    [
      'web_save',
      (m) => m.webSave([], { name: 'z' }, { name: {} }),
      {
        method: 'web_save',
        args: [[], { name: 'z' }],
        kwargs: { specification: { name: {} }, context: { lang: 'fr_BE' } },
        readOnly: false,
      },
    ],
  ];

  test.each(cases)(
    'when %s is called, then the arguments, the bound context and readOnly are right',
    async (_name, call, expected) => {
      const sent: Sent[] = [];
      await call(odooModel(recordingClient(sent), 'res.partner', { lang: 'fr_BE' }));
      expect(sent).toEqual([{ model: 'res.partner', ...expected }]);
    },
  );

  test('when no context is bound, then none is sent (fields_get, default_get, check_access_rights)', async () => {
    const sent: Sent[] = [];
    const model = odooModel(recordingClient(sent), 'res.partner');
    await model.fieldsGet(['type']);
    await model.defaultGet(['name']);
    expect(await model.checkAccessRights('write')).toBe(true);
    expect(sent).toEqual([
      {
        model: 'res.partner',
        method: 'fields_get',
        args: [],
        kwargs: { attributes: ['type'] },
        readOnly: true,
      },
      { model: 'res.partner', method: 'default_get', args: [['name']], kwargs: {}, readOnly: true },
      {
        model: 'res.partner',
        method: 'check_access_rights',
        args: ['write'],
        kwargs: { raise_exception: false },
        readOnly: true,
      },
    ]);
  });
});
