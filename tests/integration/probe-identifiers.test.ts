/**
 * Identifiers and bodies on the request path, as an outside probe found them: ids beyond 32 bits,
 * a body naming another record than its URL, `__proto__`, huge lists of unknown keys, Odoo's redirect
 * warnings, and records archived by DELETE written again.
 */
import request from 'supertest';
import { PROBE_FILES } from './probe-fixtures';
import { TempConfig, writeTempConfig } from './support/temp-config';
import { Harness, startHarness } from './support/gateway-harness';

const PEOPLE = '/bj_api_sync/v1/people';
const MEMBERS = '/bj_api_sync/v1/members';
const UPSERT_MEMBERS = '/bj_api_sync/v1/upsert-members';

describe('identifiers and bodies on the request path', () => {
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
  beforeEach(() => {
    h.sim.controls.injectFailure(null);
    h.resetCalls();
  });

  const rawJson = (method: 'post' | 'put', path: string, json: string) =>
    request(h.url)[method](path).set('Content-Type', 'application/json').send(json);

  test.each(['get', 'put', 'delete'] as const)(
    'when the Odoo id in the URL is beyond 32 bits, then %s is a 400 before Odoo',
    async (method) => {
      const res = await request(h.url)[method](`${PEOPLE}/2147483648`).send({ name: 'Too far' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'id' });
      expect(h.objectCalls().filter((call) => call.modelMethod !== 'fields_get')).toHaveLength(0);
    },
  );

  test('when Odoo answers with only a caret line, then the message is a sentence, not the caret', async () => {
    h.sim.controls.injectFailure({
      kind: 'fault',
      code: 1,
      message: 'Traceback (most recent call last):\n  ^',
      model: 'res.partner',
      times: 1,
    });
    const res = await request(h.url).get(PEOPLE);
    expect(res.status).toBe(502);
    expect(res.body.error).toMatch(/^[A-Z][a-z]+ .*[a-z]/);
  });

  test('when the body names another Odoo id than the URL, then the PUT is a 400 and nothing is written', async () => {
    const made = await request(h.url).post(PEOPLE).send({ name: 'Forty-seven' });
    h.resetCalls();
    const res = await request(h.url).put(`${PEOPLE}/${made.body.id}`).send({ id: 3, name: 'Hijack' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'id' });
    expect(h.objectCalls().filter((call) => call.modelMethod === 'write')).toHaveLength(0);
    const same = await request(h.url)
      .put(`${PEOPLE}/${made.body.id}`)
      .send({ id: made.body.id, name: 'Same' });
    expect(same.status).toBe(200);
  });

  test('when a required text key is an empty string, then the write is a 400 naming it', async () => {
    const res = await request(h.url).post(PEOPLE).send({ name: '' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'name' });
  });

  test('when a body carries __proto__ under unknown_keys: reject, then it is refused like any unknown key', async () => {
    const res = await rawJson('post', PEOPLE, '{"name":"Proto","__proto__":{"admin":true}}');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: '__proto__' });
  });

  test('when a body has 75,000 unknown keys, then the answer lists the first 100 and counts the rest', async () => {
    const keys = Array.from({ length: 75_000 }, (_, index) => `"k${index}":1`).join(',');
    const res = await rawJson('post', PEOPLE, `{"name":"Many",${keys}}`);
    expect(res.status).toBe(400);
    expect(res.body.details).toHaveLength(101);
    expect(res.body.details[100]).toEqual({ line_id: null, error: '74900 more problems not listed' });
    expect(JSON.stringify(res.body).length).toBeLessThan(20_000);
  });

  test('when Odoo refuses with a redirect warning, then the caller gets its sentence only', async () => {
    const made = await request(h.url).post(PEOPLE).send({ name: 'Has a user' });
    h.sim.controls.injectFailure({
      kind: 'fault',
      code: 2,
      message:
        "('You cannot delete a partner linked to an active user.', 83, 'Go to users', {'active_ids': [6]})",
      model: 'res.partner',
      method: 'unlink',
      times: 1,
    });
    const res = await request(h.url).delete(`${PEOPLE}/${made.body.id}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('You cannot delete a partner linked to an active user.');
  });

  test('when a POST names an identifier DELETE archived, then it is a 409 naming the archived record', async () => {
    const made = await request(h.url).post(MEMBERS).send({ member_id: 'ARCH-1', name: 'Archived' });
    expect((await request(h.url).delete(`${MEMBERS}/ARCH-1`)).status).toBe(200);
    h.resetCalls();
    const again = await request(h.url).post(MEMBERS).send({ member_id: 'ARCH-1', name: 'Again' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status_code: 'CONFLICT', line_id: 'member_id' });
    expect(again.body.error).toContain('archived');
    expect(again.body.error).toContain(String(made.body.id));
    expect(h.objectCalls().filter((call) => call.modelMethod === 'create')).toHaveLength(0);
    expect((await request(h.url).put(`${MEMBERS}/ARCH-1`).send({ city: 'Gent' })).status).toBe(409);
  });

  test('when an upsert endpoint receives an identifier DELETE archived, then it reactivates and updates that record', async () => {
    const made = await request(h.url).post(UPSERT_MEMBERS).send({ member_id: 'ARCH-2', name: 'Old' });
    await request(h.url).delete(`${UPSERT_MEMBERS}/ARCH-2`);
    const again = await request(h.url).post(UPSERT_MEMBERS).send({ member_id: 'ARCH-2', name: 'Back' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ success: true, message: 'Record updated', id: made.body.id });
    const read = await request(h.url).get(`${UPSERT_MEMBERS}/ARCH-2`);
    expect(read.body.data).toMatchObject({ member_id: 'ARCH-2', name: 'Back' });
    await request(h.url).delete(`${UPSERT_MEMBERS}/ARCH-2`);
    const put = await request(h.url).put(`${UPSERT_MEMBERS}/ARCH-2`).send({ city: 'Namur' });
    expect(put.status).toBe(200);
    expect(put.body.id).toBe(made.body.id);
  });
});
