/**
 * Relation values and related records on the write path, as an outside probe found them: ambiguous
 * match values, related records left behind by a refused write, many2one ids that do not exist.
 */
import request from 'supertest';
import { PROBE_FILES } from './probe-fixtures';
import { TempConfig, writeTempConfig } from './support/temp-config';
import { Harness, startHarness } from './support/gateway-harness';

const PEOPLE = '/bj_api_sync/v1/people';

describe('relations on the write path', () => {
  let h: Harness;
  let config: TempConfig;
  beforeAll(async () => {
    config = writeTempConfig(PROBE_FILES);
    h = await startHarness({ configPath: config.configPath });
  });
  afterAll(async () => {
    await h.close();
    config.remove();
  });
  beforeEach(() => h.resetCalls());

  const post = (path: string, body: object) => request(h.url).post(path).send(body);
  const callsOf = (method: string) => h.objectCalls().filter((call) => call.modelMethod === method);

  test('when a relation value matches several records, then the write is a 409 naming key and value', async () => {
    await post(PEOPLE, { name: 'Dup One', ref: 'AUDIT-DUP' });
    await post(PEOPLE, { name: 'Dup Two', ref: 'AUDIT-DUP' });
    h.resetCalls();
    const res = await post(PEOPLE, { name: 'Child', parent: 'AUDIT-DUP' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ status_code: 'AMBIGUOUS_RELATION', line_id: 'parent' });
    expect(res.body.error).toContain('"AUDIT-DUP"');
    expect(callsOf('create')).toHaveLength(0);
  });

  test('when the relation says on_ambiguous: lowest_id, then the lowest id is linked', async () => {
    const first = await post(PEOPLE, { name: 'Low One', ref: 'LOW-DUP' });
    await post(PEOPLE, { name: 'Low Two', ref: 'LOW-DUP' });
    const res = await post('/bj_api_sync/v1/lenient-people', { name: 'Lenient child', parent: 'LOW-DUP' });
    expect(res.status).toBe(201);
    const read = await request(h.url).get(`${PEOPLE}/${res.body.id}`);
    expect(read.body.data.parent).toBe('LOW-DUP');
    expect(callsOf('create').at(-1)?.args).toEqual([[{ name: 'Lenient child', parent_id: first.body.id }]]);
  });

  test('when Odoo refuses the write, then the tags create_missing made for it are removed again', async () => {
    const loop = await post(PEOPLE, { name: 'Loop', ref: 'LOOP-1' });
    const res = await request(h.url)
      .put(`${PEOPLE}/${loop.body.id}`)
      .send({ parent: 'LOOP-1', tags: ['Probe Orphan Tag'] });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('You cannot create recursive Partner hierarchies.');
    expect((await request(h.url).get('/bj_api_sync/v1/tags/Probe Orphan Tag')).status).toBe(404);
  });

  test('when a many2one id does not exist, then the write is a 400 naming the key', async () => {
    const res = await post(PEOPLE, { name: 'Ghost user', user: 999999 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'user' });
    expect(res.body.error).toContain('999999');
    expect(callsOf('create')).toHaveLength(0);
  });

  test('when a many2one id is beyond 32 bits, then the write is a 400 naming the key before Odoo', async () => {
    const res = await post(PEOPLE, { name: 'Huge user', user: 3_000_000_000 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'user' });
    expect(h.objectCalls().filter((call) => call.model === 'res.users')).toHaveLength(0);
  });
});
