/**
 * GET list through the real app over the simulator: every filter operator, typed coercion, the
 * relational filter, pagination edges, order and `fields=`, with each read plan (odoo.read_plan): the
 * same answers from `web_search_read` (one call) as from `search_read` + `search_count` + `read`s.
 */
import request from 'supertest';
import { SimulatorCall } from '../../src/simulator';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

const TAGS_AUTH = { Authorization: `Basic ${Buffer.from('tags:tags-secret').toString('base64')}` };

type Row = Record<string, unknown>;

/** What the gateway asked Odoo for a page, whichever read plan sent it. */
interface SentSearch {
  domain: unknown;
  kwargs: Record<string, unknown>;
  /** The fields read of the endpoint's model. */
  fields: string[];
}

const SEARCHES = ['search_read', 'web_search_read'];

function sentSearch(call: SimulatorCall): SentSearch {
  if (call.modelMethod === 'search_read') {
    return { domain: call.args[0], kwargs: call.kwargs, fields: call.kwargs.fields as string[] };
  }
  const specification = call.kwargs.specification as Record<string, unknown>;
  return { domain: call.kwargs.domain, kwargs: call.kwargs, fields: Object.keys(specification) };
}

describe.each(['web', 'classic'])('GET list over the simulator (read_plan %s)', (plan) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { ODOO_READ_PLAN: plan } });
  });
  afterAll(() => h.close());

  async function list(path: string, auth: Record<string, string> = SHOP_AUTH): Promise<request.Response> {
    return request(h.url).get(`/bj_api_sync/v1/${path}`).set(auth);
  }

  async function rows(path: string, auth?: Record<string, string>): Promise<Row[]> {
    const res = await list(path, auth);
    expect(res.status).toBe(200);
    return res.body.data as Row[];
  }

  /** The last search_read (classic) or web_search_read (web) the gateway sent. */
  function lastSearch(): SentSearch {
    const calls = h.objectCalls().filter((call) => SEARCHES.includes(call.modelMethod ?? ''));
    const last = calls[calls.length - 1];
    if (!last) throw new Error(`no search was sent (read_plan ${plan})`);
    return sentSearch(last);
  }

  const lastSearchRead = () => lastSearch().kwargs;

  describe('filters', () => {
    test('when key=v is given, then it is an equality filter ANDed with the endpoint domain', async () => {
      const data = await rows('customers?city=Paris&fields=customer_id,city');
      expect(data).toEqual([{ customer_id: 'C-1002', city: 'Paris' }]);
    });

    test('when [eq] and [ne] are given, then they select equal and different values', async () => {
      expect(await rows('customers?city[eq]=Paris&fields=customer_id')).toEqual([{ customer_id: 'C-1002' }]);
      const others = await rows('customers?is_company[ne]=true&fields=customer_id,is_company');
      expect(others).toHaveLength(9);
      expect(others.every((row) => row.is_company === false)).toBe(true);
    });

    test('when gt, gte, lt and lte are given on a float, then the bounds are exclusive or inclusive', async () => {
      const prices = async (query: string) =>
        (await rows(`products?${query}&fields=list_price&order=list_price`)).map((row) => row.list_price);
      expect(await prices('list_price[gt]=599')).toEqual([899]);
      expect(await prices('list_price[gte]=599')).toEqual([599, 899]);
      expect(await prices('list_price[lt]=19')).toEqual([12.5]);
      expect(await prices('list_price[lte]=19')).toEqual([12.5, 19]);
      expect(await prices('list_price[gt]=100&list_price[lt]=150')).toEqual([120, 120.5, 149]);
    });

    test('when like and ilike are given, then like is case-sensitive and ilike is not', async () => {
      const names = async (query: string) =>
        (await rows(`products?${query}&fields=name&order=name`)).map((row) => row.name);
      expect(await names('name[like]=Desk')).toEqual(['Desk Lamp', 'Office Desk', 'Standing Desk']);
      expect(await names('name[like]=desk')).toEqual([]);
      expect(await names('name[ilike]=desk')).toEqual(['Desk Lamp', 'Office Desk', 'Standing Desk']);
    });

    test('when in and nin are given a comma list, then they select inside and outside the list', async () => {
      const inside = await rows(
        'customers?customer_id[in]=C-1001,C-1003,C-9999&fields=customer_id&order=customer_id',
      );
      expect(inside).toEqual([{ customer_id: 'C-1001' }, { customer_id: 'C-1003' }]);
      const outside = await rows('partner-tags?name[nin]=VIP,Retail', TAGS_AUTH);
      expect(outside).toEqual([{ name: 'Wholesale' }]);
    });

    test('when [null] is true or false, then records without or with a value are selected', async () => {
      const empty = await rows('customers?phone[null]=true&fields=customer_id,phone');
      expect(empty).toHaveLength(9);
      expect(empty.every((row) => row.phone === null)).toBe(true);
      const filled = await rows('customers?phone[null]=false&fields=customer_id,phone');
      expect(filled).toHaveLength(10);
      expect(filled.every((row) => typeof row.phone === 'string')).toBe(true);
    });

    test('when [null] is asked of a relational key, then records without the relation are found', async () => {
      const created = await request(h.url)
        .post('/bj_api_sync/v1/customers')
        .set(SHOP_AUTH)
        .send({ customer_id: 'C-8001', name: 'Nowhere Ltd' });
      expect(created.status).toBe(201);
      try {
        expect(await rows('customers?country[null]=true&fields=customer_id')).toEqual([
          { customer_id: 'C-8001' },
        ]);
        expect((await list('customers?country[null]=false&limit=1')).body.total).toBe(19);
        const untagged = await rows('customers?tags[null]=true&fields=customer_id,tags');
        expect(untagged.length).toBeGreaterThan(0);
        expect(untagged.every((row) => Array.isArray(row.tags) && row.tags.length === 0)).toBe(true);
        expect(untagged).toContainEqual({ customer_id: 'C-8001', tags: [] });
      } finally {
        h.sim.controls.reset();
      }
    });

    test('when a boolean filter is given, then it reaches Odoo as a boolean, not a string', async () => {
      const companies = await rows('customers?is_company=true&fields=customer_id');
      expect(companies).toHaveLength(10);
      expect(lastSearch().domain).toContainEqual(['is_company', '=', true]);
    });

    test('when a datetime filter has an offset, then it is compared in UTC', async () => {
      // 2025-02-03T17:45:00+01:00 is 16:45 UTC: the order of 2025-02-03 16:45 UTC is included by gte.
      const data = await rows(
        'sale-orders?date_order[gte]=2025-02-03T17:45:00%2B01:00&fields=date_order&order=date_order',
      );
      expect(data).toEqual([{ date_order: '2025-02-03T16:45:00Z' }, { date_order: '2025-02-11T08:00:00Z' }]);
    });

    test('when a relational key is filtered, then it matches the related value (country=BE)', async () => {
      const data = await rows('customers?country=BE&fields=customer_id,country&order=customer_id');
      expect(data).toEqual([
        { customer_id: 'C-1001', country: 'BE' },
        { customer_id: 'C-1011', country: 'BE' },
        { customer_id: 'C-1017', country: 'BE' },
      ]);
      expect(lastSearch().domain).toEqual([
        ['customer_rank', '>', 0],
        ['country_id.code', '=', 'BE'],
      ]);
      const several = await rows('customers?country[in]=BE,LU&fields=customer_id');
      expect(several).toHaveLength(4);
    });
  });

  describe('bad queries', () => {
    test('when a number filter is not a number, then 400 INVALID_QUERY names the key', async () => {
      const res = await list('products?list_price[gt]=cheap');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ success: false, status_code: 'INVALID_QUERY', line_id: 'list_price' });
      expect(res.body.request_id).toEqual(expect.any(String));
    });

    test('when a boolean filter is not true/false, then 400 names the key', async () => {
      const res = await list('customers?is_company=yes');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'is_company' });
    });

    test('when a key is unknown, then 400 names it', async () => {
      const res = await list('customers?shoe_size=42');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'shoe_size' });
    });

    test('when an operator is unknown, then 400 names the key and lists the operators', async () => {
      const res = await list('customers?name[regex]=A.*');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'name' });
      expect(res.body.error).toContain('regex');
    });

    test('when the operator is the name of an Object.prototype member, then 400, not a 500', async () => {
      for (const op of ['constructor', 'hasownproperty', 'proto']) {
        const res = await list(`customers?name[${op}]=x`);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'name' });
      }
    });

    test('when [null] is given neither true nor false, then 400', async () => {
      const res = await list('customers?phone[null]=maybe');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'phone' });
    });

    test('when a filter is nested deeper than one operator, then 400 rather than a silent no-match', async () => {
      const res = await list('customers?name[eq][x]=A');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'name' });
    });

    test('when a selection filter names a value the field does not have, then 400 lists the values', async () => {
      const res = await list('sale-orders?state=shipped');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'state' });
      expect(res.body.error).toMatch(/draft.*sale/);
      const bad = await list('sale-orders?state[in]=sale,shipped');
      expect(bad.status).toBe(400);
      const states = await rows('sale-orders?state[in]=sale,sent&fields=state');
      expect(states.map((row) => row.state).sort()).toEqual(['sale', 'sale', 'sent']);
      expect(await rows('sale-orders?state[ilike]=dra&fields=state')).toEqual([
        { state: 'draft' },
        { state: 'draft' },
      ]);
    });

    test('when several parameters are wrong, then every one is in details and Odoo is not called', async () => {
      h.resetCalls();
      const res = await list('customers?limit=-1&is_company=yes&shoe_size=1&name[regex]=x&order=nope');
      expect(res.status).toBe(400);
      const ids = (res.body.details as Array<{ line_id: string }>).map((detail) => detail.line_id);
      expect(ids.sort()).toEqual(['is_company', 'limit', 'name', 'nope', 'shoe_size']);
      expect(h.objectCalls().filter((call) => call.modelMethod !== 'fields_get')).toEqual([]);
    });
  });

  describe('pagination', () => {
    test('when limit and offset are given, then the page, count and total say so', async () => {
      const res = await list('customers?limit=5&offset=15&order=customer_id&fields=customer_id');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ success: true, count: 4, total: 19, limit: 5, offset: 15 });
      expect(res.body.data.map((row: Row) => row.customer_id)).toEqual([
        'C-1016',
        'C-1017',
        'C-1018',
        'C-1019',
      ]);
    });

    test('when no limit is given, then the page size is the endpoint default', async () => {
      const res = await list('countries?fields=code');
      expect(res.body).toMatchObject({ limit: 100, offset: 0 });
      expect(lastSearchRead()).toMatchObject({ limit: 100, offset: 0 });
    });

    test('when the offset is past the end, then data is empty and total still counts the domain', async () => {
      const res = await list('customers?offset=500');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, data: [], count: 0, total: 19, limit: 100, offset: 500 });
    });

    test('when limit is above max_page_size, then 400 INVALID_QUERY on limit', async () => {
      const res = await list('customers?limit=1001');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'limit' });
    });

    test('when limit is 0, then 400 (Odoo would read 0 as "no limit" and return everything)', async () => {
      h.resetCalls();
      const res = await list('customers?limit=0');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'limit' });
      expect(h.objectCalls().filter((call) => SEARCHES.includes(call.modelMethod ?? ''))).toEqual([]);
    });

    test('when limit or offset is not a non-negative integer, then 400', async () => {
      for (const query of ['limit=abc', 'limit=2.5', 'offset=-3']) {
        const res = await list(`customers?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.status_code).toBe('INVALID_QUERY');
      }
    });
  });

  describe('order', () => {
    test('when order names one key descending, then records come in that order', async () => {
      const data = await rows('customers?order=-customer_id&limit=3&fields=customer_id');
      expect(data.map((row) => row.customer_id)).toEqual(['C-1019', 'C-1018', 'C-1017']);
      expect(lastSearchRead()).toMatchObject({ order: 'ref desc, id asc' }); // id last: stable paging on ties
    });

    test('when order names several keys, then they sort in turn, each asc or desc', async () => {
      const data = await rows('customers?order=is_company,-name&fields=name,is_company');
      expect(lastSearchRead()).toMatchObject({ order: 'is_company asc, name desc, id asc' });
      const expected = [...data].sort((a, b) =>
        a.is_company === b.is_company
          ? String(b.name).localeCompare(String(a.name))
          : Number(a.is_company) - Number(b.is_company),
      );
      expect(data).toEqual(expected);
      expect(data[0]).toEqual({ name: 'Toni Rhodes', is_company: false });
      expect(data.at(-1)).toEqual({ name: 'Alpine Supplies', is_company: true });
    });

    test('when order names an x2many key, then 400 (Odoo would ignore the order silently)', async () => {
      for (const [path, key] of [
        ['customers?order=name,tags', 'tags'],
        ['customers?order=-contacts', 'contacts'],
        ['sale-orders?order=lines', 'lines'],
      ] as const) {
        const res = await list(path);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: key });
      }
    });

    test('when order names a key that is not mapped, then 400 names it', async () => {
      const res = await list('customers?order=name,-password');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'password' });
    });
  });

  describe('fields=', () => {
    test('when fields= names some keys, then only those are returned and read from Odoo', async () => {
      h.resetCalls();
      const data = await rows('customers?fields=customer_id,name&limit=2&order=customer_id');
      expect(data).toEqual([
        { customer_id: 'C-1001', name: 'Azure Interior' },
        { customer_id: 'C-1002', name: 'Deco Addict' },
      ]);
      expect([...lastSearch().fields].sort()).toEqual(['name', 'ref']);
      // No relation was asked for, so no related model was read: one call on the web plan.
      expect(h.objectCalls().filter((call) => call.modelMethod === 'read')).toEqual([]);
      if (plan === 'web')
        expect(h.objectCalls().map((call) => call.modelMethod)).toEqual(['web_search_read']);
    });

    test('when fields= names a key that is not readable, then 400 names it', async () => {
      const res = await list('customers?fields=name,secret');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'secret' });
    });

    test('when fields= is empty, then 400 (Odoo would read every field of the model)', async () => {
      const res = await list('customers?fields=');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'INVALID_QUERY', line_id: 'fields' });
    });
  });
});
