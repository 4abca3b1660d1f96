import { checkConfigAgainstOdoo } from '../../../src/ops/odoo-consistency';
import type { ConsistencyProblem, ConsistencyReport } from '../../../src/ops/consistency-types';
import { configOf, DEFAULTS, endpoint, fakeOdoo, FakeOdooOptions, line, mapping, MODELS } from './fake-odoo';

const GET_ONLY = { methods: ['GET'] as const };

function problemsOf(report: ConsistencyReport): ConsistencyProblem[] {
  return [...report.endpoints, ...report.mappings].flatMap((entry) => entry.problems);
}

function brief(problem: ConsistencyProblem): string {
  const hint = problem.hint === undefined ? '' : ` (${problem.hint})`;
  return `${problem.severity} ${problem.key}: ${problem.message}${hint}`;
}

async function check(
  endpoints: Parameters<typeof configOf>[0],
  mappings: Parameters<typeof configOf>[1] = [],
  options: Partial<FakeOdooOptions> = {},
) {
  const odoo = fakeOdoo({ models: MODELS, defaults: DEFAULTS, ...options });
  const report = await checkConfigAgainstOdoo(configOf(endpoints, mappings), odoo);
  return { report, odoo, problems: problemsOf(report).map(brief) };
}

describe('checkConfigAgainstOdoo: fields and types', () => {
  it('when every line matches Odoo, then ok with no problems and the access of each enabled method', async () => {
    const customers = endpoint(
      'customers',
      'res.partner',
      [
        line('customer_id', 'ref', { identifier: true }),
        line('name', 'name'),
        line('email', 'email', { validate: { type: 'email' } }),
        line('country', 'country_id', {
          relation: { model: 'res.country', match: 'code', createMissing: false },
        }),
        line('country_name', 'country_id.name', { direction: 'out' }),
      ],
      { delete: 'archive' },
    );
    const { report, problems } = await check([customers]);
    expect(problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.odoo).toMatchObject({ reachable: true, version: '18.0', protocol: 'xmlrpc', uid: 2 });
    expect(report.endpoints[0]).toMatchObject({
      endpoint: 'customers',
      model: 'res.partner',
      model_exists: true,
      access: { read: true, create: true, write: true, unlink: null },
    });
  });

  it('when a field is misspelled, then an error with file, line, key and a did-you-mean hint', async () => {
    const email = line('email', 'emial');
    const { report } = await check([
      endpoint('customers', 'res.partner', [line('name', 'name'), email], GET_ONLY),
    ]);
    expect(report.ok).toBe(false);
    expect(report.endpoints[0]?.problems).toEqual([
      {
        file: 'config/endpoints/test.yaml',
        line: email.source.line,
        key: 'fields[1].field',
        message: 'res.partner has no field "emial"',
        hint: 'did you mean "email"?',
        severity: 'error',
      },
    ]);
  });

  it('when the model does not exist, then model_exists is false and one error on `model`', async () => {
    const { report, problems } = await check([endpoint('x', 'res.partnr', [line('name', 'nope')], GET_ONLY)]);
    expect(report.endpoints[0]).toMatchObject({ model_exists: false, access: { read: null } });
    expect(problems).toEqual([
      'error model: Odoo has no model "res.partnr" (check the technical model name and that its Odoo module is installed)',
    ]);
  });

  it('when a `type` does not fit the Odoo field, then an error naming the types that fit', async () => {
    const lines = [
      line('email', 'email', { validate: { type: 'email' } }),
      line('phone', 'phone', { validate: { type: 'integer' } }),
      line('active', 'active', { validate: { type: 'boolean' } }),
      line('rank', 'customer_rank', { validate: { type: 'date' } }),
    ];
    const { problems } = await check([endpoint('p', 'res.partner', lines, GET_ONLY)]);
    expect(problems).toEqual([
      "error fields[1].type: type: integer does not fit Odoo's char field res.partner.phone (use type: string or email or url, or no type)",
      "error fields[3].type: type: date does not fit Odoo's integer field res.partner.customer_rank (use type: integer or number, or no type)",
    ]);
  });

  it('when a relation line has a `type`, then it is checked against the match field', async () => {
    const relation = { model: 'res.country', match: 'code', createMissing: false };
    const lines = [line('country', 'country_id', { relation, validate: { type: 'number' } })];
    const { problems } = await check([endpoint('p', 'res.partner', lines, GET_ONLY)]);
    expect(problems).toEqual([
      "error fields[0].type: type: number does not fit Odoo's char field res.country.code (use type: string or email or url, or no type)",
    ]);
  });

  it('when relation.model is not the model Odoo relates to, then an error with the right model as hint', async () => {
    const relation = { model: 'res.country.state', match: 'code', createMissing: false };
    const { problems } = await check([
      endpoint('p', 'res.partner', [line('country', 'country_id', { relation })], GET_ONLY),
    ]);
    expect(problems).toEqual([
      "error fields[0].relation.model: is res.country.state, but Odoo's res.partner.country_id points to res.country (use model: res.country)",
    ]);
  });

  it('when relation.match is not a field of the related model, then an error with a hint', async () => {
    const relation = { model: 'res.country', match: 'cod', createMissing: false };
    const { problems } = await check([
      endpoint('p', 'res.partner', [line('country', 'country_id', { relation })], GET_ONLY),
    ]);
    expect(problems).toEqual([
      'error fields[0].relation.match: res.country has no field "cod" (did you mean "code"?)',
    ]);
  });

  it('when relation, mapping or x2many stand on a field of the wrong kind, then an error each', async () => {
    const relation = { model: 'res.country', match: 'code', createMissing: false };
    const lines = [
      line('email', 'email', { relation }),
      line('contact', 'parent_id', { mapping: 'country' }),
      line('country', 'country_id', { x2many: 'add' }),
    ];
    const country = mapping('country', 'res.country', [line('code', 'code')]);
    const { problems } = await check([endpoint('p', 'res.partner', lines, GET_ONLY)], [country]);
    expect(problems).toEqual([
      'error fields[0].relation: res.partner.email is a char field in Odoo; `relation` needs a many2one, one2many or many2many field (remove `relation` to map the plain value)',
      'error fields[1].mapping: mapping "country" is on res.country, but Odoo\'s res.partner.parent_id points to res.partner (use a mapping whose model is res.partner)',
      'error fields[2].x2many: res.partner.country_id is a many2one field; x2many applies to one2many and many2many fields only (remove x2many)',
    ]);
  });

  it('when a dotted out path goes wrong, then the error names the model and the path', async () => {
    const lines = [
      line('country_code', 'country_id.code', { direction: 'out' }),
      line('bad_tail', 'country_id.cde', { direction: 'out' }),
      line('bad_middle', 'email.name', { direction: 'out' }),
    ];
    const { problems } = await check([endpoint('p', 'res.partner', lines, GET_ONLY)]);
    expect(problems).toEqual([
      'error fields[1].field: res.country has no field "cde" (in the path "country_id.cde") (did you mean "code"?)',
      'error fields[2].field: res.partner.email is a char field, not a relation: the path "email.name" cannot go on',
    ]);
  });

  it('when a writable line targets a read-only field, then a warning and the check still passes', async () => {
    const { report, problems } = await check([
      endpoint('p', 'res.partner', [line('label', 'complete_name')], GET_ONLY),
    ]);
    expect(problems).toEqual([
      'warning fields[0].field: res.partner.complete_name is read-only in Odoo; values written to it may be ignored (make the line direction: out if it is only read)',
    ]);
    expect(report.ok).toBe(true);
  });

  it('when an enum names a value the selection lacks, then a warning listing what Odoo accepts', async () => {
    const lines = [line('type', 'type', { validate: { enum: ['contact', 'delivery'] } })];
    const { problems } = await check([endpoint('p', 'res.partner', lines, GET_ONLY)]);
    expect(problems).toEqual([
      'warning fields[0].enum: "delivery" is not a value of Odoo\'s selection res.partner.type (Odoo accepts: contact, invoice)',
    ]);
  });

  it('when `defaults` or the domain name unknown fields, then an error on each', async () => {
    const { problems } = await check([
      endpoint('p', 'res.partner', [line('name', 'name')], {
        defaults: { customer_rnk: 1 },
        domain: ['|', ['country_id.cod', '=', 'BE'], ['active', '=', true]],
      }),
    ]);
    expect(problems).toEqual([
      'error defaults.customer_rnk: res.partner has no field "customer_rnk" (did you mean "customer_rank"?)',
      'error domain[1]: res.country has no field "cod" (in the path "country_id.cod") (did you mean "code"?)',
    ]);
  });

  it('when a mapping file (not an endpoint) has a bad field, then it is reported under mappings', async () => {
    const contact = mapping('contact', 'res.partner', [line('mail', 'mail')]);
    const { report } = await check([], [contact]);
    expect(report.mappings).toEqual([
      {
        mapping: 'contact',
        model: 'res.partner',
        model_exists: true,
        problems: [expect.objectContaining({ key: 'fields[0].field', hint: 'did you mean "email"?' })],
      },
    ]);
    expect(report.ok).toBe(false);
  });
});

describe('checkConfigAgainstOdoo: identifiers', () => {
  it('when the identifier is a many2one, then an error: Odoo reads it back as [id, name], so it never matches', async () => {
    const { problems } = await check([
      endpoint(
        'partners',
        'res.partner',
        [line('name', 'name'), line('country', 'country_id', { identifier: true })],
        GET_ONLY,
      ),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^error fields\[1\]\.identifier: .*many2one field and cannot identify a record/),
    ]);
  });
});
