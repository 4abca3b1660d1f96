import { OdooTimeoutError, OdooUnavailableError } from '../../../src/errors/errors';
import { CREDENTIALS_REFUSED_MESSAGE } from '../../../src/odoo/classify-fault';
import type { ConsistencyProblem, ConsistencyReport } from '../../../src/ops/consistency-types';
import { checkConfigAgainstOdoo } from '../../../src/ops/odoo-consistency';
import { configOf, DEFAULTS, endpoint, fakeOdoo, FakeOdooOptions, line, mapping, MODELS } from './fake-odoo';

function brief(problem: ConsistencyProblem): string {
  return `${problem.severity} ${problem.key}: ${problem.message}`;
}

function problemsOf(report: ConsistencyReport): string[] {
  return [...report.endpoints, ...report.mappings].flatMap((entry) => entry.problems).map(brief);
}

async function check(
  endpoints: Parameters<typeof configOf>[0],
  mappings: Parameters<typeof configOf>[1] = [],
  options: Partial<FakeOdooOptions> = {},
) {
  const odoo = fakeOdoo({ models: MODELS, defaults: DEFAULTS, ...options });
  const report = await checkConfigAgainstOdoo(configOf(endpoints, mappings), odoo);
  return { report, odoo, problems: problemsOf(report) };
}

const customer = line('customer', 'partner_id', {
  required: true,
  relation: { model: 'res.partner', match: 'ref', createMissing: false },
});

describe('checkConfigAgainstOdoo: required Odoo fields on create', () => {
  it('when a required field without default is not mapped on a POST endpoint, then an error', async () => {
    const { report, problems } = await check([
      endpoint('orders', 'sale.order', [line('ref', 'client_order_ref')]),
    ]);
    expect(problems).toEqual([
      'error fields: sale.order requires "partner_id" (Customer), which has no default in Odoo and which no line or `defaults` entry writes: Odoo would refuse every create',
    ]);
    expect(report.ok).toBe(false);
  });

  it('when the endpoint context gives the required field a default (default_partner_id), then it is filled', async () => {
    const { report, problems } = await check([
      endpoint('orders', 'sale.order', [line('ref', 'client_order_ref')], {
        context: { default_partner_id: 7 },
      }),
    ]);
    expect(problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('when the endpoint does not create (GET, PUT), then unmapped required fields are no problem', async () => {
    const { problems } = await check([
      endpoint('orders', 'sale.order', [line('ref', 'client_order_ref')], { methods: ['GET', 'PUT'] }),
    ]);
    expect(problems).toEqual([]);
  });

  it('when PUT upserts, then it creates and required fields are checked', async () => {
    const { problems } = await check([
      endpoint('orders', 'sale.order', [line('ref', 'client_order_ref')], { methods: ['PUT'], upsert: true }),
    ]);
    expect(problems).toHaveLength(1);
  });

  it('when the field is given by `defaults`, a `value` line or an Odoo default, then no problem', async () => {
    const { problems } = await check([
      endpoint('a', 'sale.order', [line('ref', 'client_order_ref')], { defaults: { partner_id: 7 } }),
      endpoint('b', 'sale.order', [line('ref', 'client_order_ref'), line('p', 'partner_id', { value: 7 })]),
      endpoint('c', 'sale.order', [customer]),
    ]);
    expect(problems).toEqual([]);
  });

  it('when a required field is mapped by a line that may be left out, then a warning', async () => {
    const optional = line('customer', 'partner_id', {
      relation: { model: 'res.partner', match: 'ref', createMissing: false },
    });
    const { report, problems } = await check([endpoint('orders', 'sale.order', [optional])]);
    expect(problems).toEqual([
      'warning fields[0].required: Odoo requires sale.order.partner_id and has no default for it; a create without "customer" would be refused by Odoo',
    ]);
    expect(report.ok).toBe(true);
  });

  it('when the field is computed or an _inherits parent, then Odoo fills it and nothing is reported', async () => {
    const lines = [line('sku', 'default_code'), line('name', 'name')];
    const { problems } = await check([endpoint('products', 'product.product', lines)]);
    expect(problems).toEqual([]);
  });

  it('when nested lines are created through a one2many, then the inverse field counts as filled but others do not', async () => {
    const orderLine = mapping('order-line', 'sale.order.line', [line('sku', 'product_id')]);
    const noDefaults = { ...DEFAULTS, 'sale.order.line': {} };
    const lines = [customer, line('lines', 'order_line', { mapping: 'order-line' })];
    const ok = await check([endpoint('orders', 'sale.order', lines)], [orderLine]);
    expect(ok.problems).toEqual([]);
    const missing = await check([endpoint('orders', 'sale.order', lines)], [orderLine], {
      defaults: noDefaults,
    });
    expect(missing.problems).toEqual([
      'error fields[1].mapping: sale.order.line records created through mapping "order-line" leave the required Odoo field "product_uom_qty" (Quantity) empty, and Odoo has no default for it',
    ]);
  });

  it('when a nested many2one may create its record, then the nested mapping must fill the required fields', async () => {
    const partner = line('customer', 'partner_id', { required: true, mapping: 'customer' });
    const nested = mapping('customer', 'res.partner', [line('ref', 'ref', { identifier: true })]);
    const strictPartner = {
      ...MODELS['res.partner'],
      name: { type: 'char', string: 'Name', required: true },
    };
    const models = { ...MODELS, 'res.partner': strictPartner };
    const { problems } = await check([endpoint('orders', 'sale.order', [partner])], [nested], { models });
    expect(problems).toEqual([
      'error fields[0].mapping: res.partner records created through mapping "customer" leave the required Odoo field "name" (Name) empty, and Odoo has no default for it',
    ]);
  });

  it('when the nested mapping is an endpoint without POST, then nothing is created through it', async () => {
    const partner = line('customer', 'partner_id', { required: true, mapping: 'customers' });
    const customers = endpoint('customers', 'res.partner', [line('ref', 'ref', { identifier: true })], {
      methods: ['GET'],
    });
    const strictPartner = {
      ...MODELS['res.partner'],
      name: { type: 'char', string: 'Name', required: true },
    };
    const models = { ...MODELS, 'res.partner': strictPartner };
    const { problems, odoo } = await check([endpoint('orders', 'sale.order', [partner]), customers], [], {
      models,
      denied: ['res.partner:create'],
    });
    expect(problems).toEqual([]);
    expect(odoo.calls).not.toContain('res.partner.default_get');
  });
});

describe('checkConfigAgainstOdoo: access rights', () => {
  it('when the Odoo user may not create, then access.create is false and an error on methods', async () => {
    const { report, problems } = await check([endpoint('p', 'res.partner', [line('name', 'name')])], [], {
      denied: ['res.partner:create'],
    });
    expect(report.endpoints[0]?.access).toEqual({ read: true, create: false, write: true, unlink: true });
    expect(problems).toEqual([
      "error methods: the gateway's Odoo user may not create res.partner records (create access), which this endpoint (GET, POST, PUT, DELETE) needs",
    ]);
  });

  it('when DELETE archives, then write is checked instead of unlink', async () => {
    const { report, odoo } = await check(
      [endpoint('p', 'res.partner', [line('name', 'name')], { methods: ['DELETE'], delete: 'archive' })],
      [],
      { denied: ['res.partner:unlink'] },
    );
    expect(report.endpoints[0]?.access).toEqual({ read: null, create: null, write: true, unlink: null });
    expect(report.ok).toBe(true);
    expect(odoo.calls.filter((call) => call.endsWith('check_access_rights'))).toEqual([
      'res.partner.check_access_rights',
    ]);
  });

  it('when a related model may not be read or created, then an error on the relation line', async () => {
    const tags = line('tags', 'category_id', {
      relation: { model: 'res.partner.category', match: 'name', createMissing: true },
    });
    const { problems } = await check([endpoint('p', 'res.partner', [tags])], [], {
      denied: ['res.partner.category:create'],
    });
    expect(problems).toEqual([
      'error fields[0]: the gateway\'s Odoo user may not create res.partner.category records (create access), which "tags" needs',
    ]);
  });
});

describe('checkConfigAgainstOdoo: Odoo calls and failures', () => {
  it('when several endpoints share models, then one fields_get per model and one access check per operation', async () => {
    const country = { model: 'res.country', match: 'code', createMissing: false };
    const lines = [line('name', 'name'), line('country', 'country_id', { relation: country })];
    const { odoo } = await check([
      endpoint('a', 'res.partner', lines),
      endpoint('b', 'res.partner', lines),
      endpoint('c', 'res.country', [line('code', 'code')], { methods: ['GET'] }),
    ]);
    const count = (call: string) => odoo.calls.filter((c) => c === call).length;
    expect(count('res.partner.fields_get')).toBe(1);
    expect(count('res.country.fields_get')).toBe(1);
    expect(count('res.partner.check_access_rights')).toBe(4);
    expect(count('res.country.check_access_rights')).toBe(1);
  });

  it('when Odoo is unreachable, then ok false, reachable false and the classified message only', async () => {
    const { report } = await check([endpoint('p', 'res.partner', [])], [], {
      versionError: new OdooUnavailableError('Odoo is not reachable (connection refused)'),
    });
    expect(report).toEqual({
      ok: false,
      odoo: {
        reachable: false,
        protocol: 'xmlrpc',
        protocol_reason: 'set in gateway.yaml',
        error: 'Odoo is not reachable (connection refused)',
      },
      endpoints: [],
      mappings: [],
    });
  });

  it('when the login is refused, then Odoo is reachable but ok is false with the login message', async () => {
    const { report, odoo } = await check([endpoint('p', 'res.partner', [])], [], {
      loginError: new OdooUnavailableError(CREDENTIALS_REFUSED_MESSAGE),
    });
    expect(report.ok).toBe(false);
    expect(report.odoo).toMatchObject({
      reachable: true,
      version: '18.0',
      error: CREDENTIALS_REFUSED_MESSAGE,
    });
    expect(odoo.calls).toEqual(['version', 'authenticate']);
  });

  it('when Odoo goes away during the check, then the report says unreachable instead of throwing', async () => {
    const { report } = await check([endpoint('p', 'res.partner', [])], [], { downModels: ['res.partner'] });
    expect(report.ok).toBe(false);
    expect(report.odoo).toMatchObject({
      reachable: false,
      error: 'Odoo is not reachable (connection refused)',
    });
  });

  it('when an unexpected error (not an Odoo error) happens, then its text never reaches the report', async () => {
    const { report } = await check([endpoint('p', 'res.partner', [])], [], {
      versionError: new Error('Traceback: /opt/odoo/secret.py password=hunter2'),
    });
    expect(report.odoo.error).toBe('Odoo could not be checked (unexpected error)');
  });

  it('when Odoo times out, then the report says unreachable', async () => {
    const { report } = await check([endpoint('p', 'res.partner', [])], [], {
      versionError: new OdooTimeoutError('Odoo did not answer within 15000 ms'),
    });
    expect(report.odoo).toMatchObject({ reachable: false, error: 'Odoo did not answer within 15000 ms' });
  });
});
