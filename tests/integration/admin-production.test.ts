/**
 * Safe defaults with NODE_ENV=production: without `admin` auth, test-connection and /metrics answer
 * only callers on the gateway's own host (not through a proxy); with it, its credentials as always.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { isLoopback } from '../../src/http/admin-access';
import { Harness, REPO_ROOT, startHarness } from './support/gateway-harness';

const ADMIN_TOKEN = 'admin-secret-token';
const FROM_ELSEWHERE = { 'X-Forwarded-For': '203.0.113.9' };

describe('admin routes with NODE_ENV=production and no admin auth', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => h.close());

  test.each(['/metrics', '/bj_api_sync/test-connection'])(
    'when %s is called through a proxy, then 403 telling ops to set admin.auth, and no Odoo call',
    async (route) => {
      h.resetCalls();
      const res = await request(h.url).get(route).set(FROM_ELSEWHERE);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ success: false, status_code: 'FORBIDDEN' });
      expect(res.body.error).toMatch(/set admin\.auth/);
      expect(h.objectCalls()).toEqual([]);
    },
  );

  test('when /metrics is called on the gateway host itself, then it answers', async () => {
    const res = await request(h.url).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('# TYPE');
  });

  test('when test-connection is called on the gateway host, then it answers and shows no file path', async () => {
    const res = await request(h.url).get('/bj_api_sync/test-connection');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(/\.ya?ml|[/\\]config[/\\]/);
  });
});

describe('admin routes with NODE_ENV=production and admin auth set', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-production-'));
    fs.cpSync(path.join(REPO_ROOT, 'config'), dir, { recursive: true });
    const gateway = path.join(dir, 'gateway.yaml');
    fs.appendFileSync(gateway, `admin:\n  auth: { type: bearer, tokens: ['${ADMIN_TOKEN}'] }\n`);
    h = await startHarness({ configPath: gateway, env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('when /metrics is called through a proxy with the admin token, then 200; without it, 401', async () => {
    const authorized = await request(h.url)
      .get('/metrics')
      .set({ ...FROM_ELSEWHERE, Authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(authorized.status).toBe(200);
    expect((await request(h.url).get('/metrics')).status).toBe(401);
  });
});

describe('isLoopback', () => {
  test.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['127.1.2.3', true],
    ['10.0.0.5', false],
    ['::ffff:10.0.0.5', false],
    ['1270.0.0.1', false],
    [undefined, false],
  ])('when the peer is %s, then loopback is %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});
