/**
 * /metrics and test-connection in the running gateway: Prometheus text with the gateway's own series,
 * behind the `admin` auth of gateway.yaml when one is configured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/load-config';
import { RunningGateway, startGateway } from '../../src/gateway';
import { createLogger } from '../../src/logging/create-logger';
import { RunningSimulator, startSimulator } from '../../src/simulator';
import { REPO_ROOT, SHOP_AUTH } from './support/gateway-harness';

/** Nothing of the store is left on disk. */
const MEMORY_STORE = { type: 'memory' } as const;

describe('/metrics and test-connection behind the admin auth', () => {
  let dir: string;
  let sim: RunningSimulator;
  let gateway: RunningGateway;
  const ADMIN = { Authorization: 'Bearer admin-token-for-tests' };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-admin-'));
    fs.cpSync(path.join(REPO_ROOT, 'config'), dir, { recursive: true });
    fs.appendFileSync(
      path.join(dir, 'gateway.yaml'),
      "admin:\n  auth: { type: bearer, tokens: ['${ADMIN_TOKEN}'] }\n",
    );
    sim = await startSimulator({ seed: 'demo', keepAlive: true });
    const env = {
      ODOO_URL: sim.url,
      ODOO_DB: sim.db,
      ODOO_USERNAME: sim.username,
      ODOO_PASSWORD: sim.password,
      ADMIN_TOKEN: 'admin-token-for-tests',
    };
    const logger = createLogger({
      level: 'error',
      format: 'json',
      stream: new Writable({ write: (_c, _e, cb) => cb() }),
    });
    gateway = await startGateway({
      store: MEMORY_STORE,
      config: loadConfig({ configPath: path.join(dir, 'gateway.yaml'), env }),
      logger,
      port: 0,
    });
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('when /metrics is asked without the admin token, then 401 with the bearer challenge', async () => {
    const res = await fetch(`${gateway.url}/metrics`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="admin"');
  });

  test('when requests were served, then /metrics counts them by endpoint and Odoo calls by model and method', async () => {
    await fetch(`${gateway.url}/bj_api_sync/v1/customers/C-1001`, { headers: SHOP_AUTH });
    await fetch(`${gateway.url}/bj_api_sync/v1/customers/C-1001`);
    const res = await fetch(`${gateway.url}/metrics`, { headers: ADMIN });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/gateway_http_requests_total\{[^}]*endpoint="customers"[^}]*status="200"[^}]*\} 1/);
    expect(text).toMatch(/gateway_http_requests_total\{[^}]*endpoint="customers"[^}]*status="401"[^}]*\} 1/);
    expect(text).toMatch(
      /gateway_odoo_calls_total\{[^}]*model="res.partner"[^}]*method="web_search_read"[^}]*outcome="ok"/,
    );
    expect(text).toContain('gateway_odoo_calls_in_flight');
    expect(text).not.toContain('admin-token-for-tests');
  });

  test('when test-connection is asked with the admin token, then the shipped config is consistent with Odoo', async () => {
    expect((await fetch(`${gateway.url}/bj_api_sync/test-connection`)).status).toBe(401);
    const res = await fetch(`${gateway.url}/bj_api_sync/test-connection`, { headers: ADMIN });
    const body = (await res.json()) as { success: boolean; odoo: { version: string; uid: number } };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ success: true, odoo: { version: '18.0', uid: 2 } });
  });

  test('when the gateway has started, then the generated OpenAPI carries the Odoo field types it fetched', async () => {
    let spec:
      | { components: { schemas: Record<string, { properties: Record<string, { type?: unknown }> }> } }
      | undefined;
    for (let attempt = 0; attempt < 40; attempt += 1) {
      spec = (await (await fetch(`${gateway.url}/bj_api_sync/v1/openapi.json`)).json()) as typeof spec;
      if (spec?.components.schemas.customers?.properties.phone?.type !== undefined) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(spec?.components.schemas.customers?.properties.phone?.type).toEqual(
      expect.arrayContaining(['string']),
    );
  });
});
