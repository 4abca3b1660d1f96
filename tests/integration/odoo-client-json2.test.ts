import { API_KEY_REFUSED_MESSAGE } from '../../src/odoo/classify-fault';
import { NO_DATABASE_MESSAGE } from '../../src/odoo/json2-errors';
import type { OdooCallInfo } from '../../src/odoo/odoo-client';
import { gatewayErrorOf, TestClients } from './odoo-client-test-clients';
import {
  Handler,
  json2Value,
  JSON2_FILE,
  jsonRpcValue,
  recorded,
  RecordedOdoo,
  startRecordedOdoo,
} from './odoo-client-recorded-odoo';

const API_KEY = 'b5f1c9e0-SECRET-api-key';

let odoo: RecordedOdoo | undefined;
const clients = new TestClients({
  db: 'odoo19_demo',
  username: '',
  password: API_KEY,
  timeoutMs: 2000,
  connectTimeoutMs: 1000,
  maxConcurrency: 4,
  protocol: 'json2',
});
const client = clients.create.bind(clients);
const errorOf = (promise: Promise<unknown>) => gatewayErrorOf(promise, new RegExp(`${API_KEY}|Traceback|<`));

afterEach(async () => {
  await clients.closeAll();
  await odoo?.close();
  odoo = undefined;
});

/** Odoo 19 that knows the gateway's key (context_get answers uid 2) and answers model calls with `onCall`. */
async function json2Odoo(onCall: Handler): Promise<RecordedOdoo> {
  odoo = await startRecordedOdoo((request) =>
    request.path === '/json/2/res.users/context_get'
      ? json2Value({ uid: 2, lang: 'en_US' })
      : onCall(request),
  );
  return odoo;
}

describe('Odoo client over JSON-2 (recorded Odoo 19.0 answers)', () => {
  it('when a search_read is made, then it goes to /json/2/<model>/<method> with the bearer key, the database and named arguments', async () => {
    const server = await json2Odoo(() => recorded(JSON2_FILE, 'search_read_country'));
    const rows = await client(server.url).executeKw(
      'res.country',
      'search_read',
      [[['code', 'in', ['BE', 'FR']]]],
      { fields: ['name', 'code'], order: 'code' },
      { readOnly: true },
    );
    expect(rows).toEqual([
      { id: 20, name: 'Belgium', code: 'BE' },
      { id: 75, name: 'France', code: 'FR' },
    ]);
    const [call] = server.to('/json/2/res.country/search_read');
    expect(call?.headers.authorization).toBe(`bearer ${API_KEY}`);
    expect(call?.headers['x-odoo-database']).toBe('odoo19_demo');
    expect(call?.json).toEqual({
      domain: [['code', 'in', ['BE', 'FR']]],
      fields: ['name', 'code'],
      order: 'code',
    });
  });

  it('when one dict is created, then the id comes back as a number, as on XML-RPC', async () => {
    const server = await json2Odoo(() => recorded(JSON2_FILE, 'create_single_dict'));
    const id = await client(server.url).executeKw('res.partner.category', 'create', [
      { name: 'Transcript Tag' },
    ]);
    expect(id).toBe(10);
    expect(server.to('/json/2/res.partner.category/create')[0]?.json).toEqual({
      vals_list: { name: 'Transcript Tag' },
    });
  });

  it('when a list of dicts is created, then the list of ids comes back', async () => {
    const server = await json2Odoo(() => recorded(JSON2_FILE, 'create_list_of_dicts'));
    const ids = await client(server.url).executeKw('res.partner', 'create', [
      [{ name: 'Transcript Batch A' }, { name: 'Transcript Batch B' }],
    ]);
    expect(ids).toEqual([67, 68]);
  });

  it('when the API key is wrong, then a burst of calls makes one key check and gets a 503 naming ODOO_PASSWORD', async () => {
    odoo = await startRecordedOdoo(() => recorded(JSON2_FILE, 'error_401_wrong_key'));
    const gateway = client(odoo.url);
    const errors = await Promise.all(
      [1, 2, 3].map(() =>
        errorOf(gateway.executeKw('res.partner', 'search_count', [[]], {}, { readOnly: true })),
      ),
    );
    expect(errors.map((e) => [e.status, e.message])).toEqual(
      Array.from({ length: 3 }, () => [503, API_KEY_REFUSED_MESSAGE]),
    );
    expect(odoo.requests).toHaveLength(1);
  });

  it("when the database is unknown (Odoo's HTML 404 page), then it is a 503 naming ODOO_DB", async () => {
    odoo = await startRecordedOdoo(() => recorded(JSON2_FILE, 'error_404_html_unknown_database'));
    const error = await errorOf(
      client(odoo.url, { db: 'no_such_db' }).executeKw('res.partner', 'search_count', [[]]),
    );
    expect([error.status, error.message]).toEqual([503, NO_DATABASE_MESSAGE]);
  });

  it('when a write meets a deleted record, then the caller gets a 404', async () => {
    const server = await json2Odoo(() => recorded(JSON2_FILE, 'error_404_missing_record_write'));
    const error = await errorOf(
      client(server.url).executeKw('res.partner', 'write', [[67, 68], { name: 'gone' }]),
    );
    expect([error.status, error.message]).toEqual([404, 'Record does not exist or has been deleted.']);
  });

  it("when a value is invalid for Odoo, then the caller gets a 400 with Odoo's message", async () => {
    const server = await json2Odoo(() => recorded(JSON2_FILE, 'error_422_validation_error_sql_constraint'));
    const error = await errorOf(
      client(server.url).executeKw('res.partner', 'create', [{ email: 'a@example.com' }]),
    );
    expect([error.status, error.message]).toEqual([
      400,
      'The operation cannot be completed: Contacts require a name',
    ]);
  });

  it('when a write times out, then it is a 504 and the write is never sent again', async () => {
    const server = await json2Odoo(() => 'hang');
    const error = await errorOf(
      client(server.url, { timeoutMs: 300 }).executeKw('res.partner', 'write', [[66], { name: 'x' }]),
    );
    expect(error.status).toBe(504);
    expect(error.message).toMatch(/may or may not have been applied/);
    expect(server.to('/json/2/res.partner/write')).toHaveLength(1);
  });

  it('when calls are made, then the observer sees each exchange as service json2 with its model and method', async () => {
    const calls: OdooCallInfo[] = [];
    const server = await json2Odoo(() => recorded(JSON2_FILE, 'search_count'));
    await client(server.url, {}, calls).executeKw(
      'res.partner',
      'search_count',
      [[]],
      {},
      { readOnly: true },
    );
    expect(calls.map(({ service, model, method, outcome }) => ({ service, model, method, outcome }))).toEqual(
      [
        { service: 'json2', model: 'res.users', method: 'context_get', outcome: 'ok' },
        { service: 'json2', model: 'res.partner', method: 'search_count', outcome: 'ok' },
      ],
    );
  });

  it('when the client connects with json2 set by hand, then connection() reports the version and why', async () => {
    // The JSON-2 transport reads the version from the web client's JSON-RPC route version_info.
    odoo = await startRecordedOdoo(() =>
      jsonRpcValue({ server_version: '19.0', server_version_info: [19, 0, 0, 'final', 0, ''] }),
    );
    await expect(client(odoo.url).connection()).resolves.toEqual({
      protocol: 'json2',
      reason: 'set in gateway.yaml',
      serverVersion: '19.0',
      serverMajor: 19,
    });
    expect(odoo.to('/web/webclient/version_info')).toHaveLength(1);
  });
});
