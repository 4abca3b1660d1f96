/**
 * A configuration that does not match Odoo is ops' mistake, never the caller's: the endpoints the
 * check against Odoo finds wrong answer 503 ENDPOINT_MISCONFIGURED with what to fix, the others keep
 * serving, /health says degraded (still 200), and the verdict follows reloads and later checks.
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
import { freePort, sleep, waitFor } from './support/waiting';

const INVOICES = [
  'endpoint: invoices',
  'model: account.move',
  'methods: [GET, POST]',
  'auth: { type: bearer, tokens: [shop-secret-token] }',
  'fields:',
  '  - { key: name, field: name }',
  '',
].join('\n');

function suppliers(domainField: string): string {
  return [
    'endpoint: suppliers',
    'model: res.partner',
    'methods: [GET, POST]',
    'auth: { type: bearer, tokens: [shop-secret-token] }',
    `domain: [['${domainField}', '=', true]]`,
    'fields:',
    '  - { key: name, field: name, required: true }',
    '',
  ].join('\n');
}

interface Started {
  dir: string;
  gateway: RunningGateway;
  logs: string[];
}

async function startWith(odooUrl: string, sim: RunningSimulator, recheckMs = 60_000): Promise<Started> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-misconfigured-'));
  fs.cpSync(path.join(REPO_ROOT, 'config'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'endpoints', 'invoices.yaml'), INVOICES);
  fs.writeFileSync(path.join(dir, 'endpoints', 'suppliers.yaml'), suppliers('is_compnay'));
  const env = {
    ODOO_URL: odooUrl,
    ODOO_DB: sim.db,
    ODOO_USERNAME: sim.username,
    ODOO_PASSWORD: sim.password,
  };
  const configPath = path.join(dir, 'gateway.yaml');
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const gateway = await startGateway({
    config: loadConfig({ configPath, env }),
    logger: createLogger({ level: 'info', format: 'json', stream }),
    watch: { configPath, env },
    port: 0,
    recheckMs,
  });
  return { dir, gateway, logs };
}

async function stop(started: Started): Promise<void> {
  await started.gateway.close();
  fs.rmSync(started.dir, { recursive: true, force: true });
}

async function get(
  url: string,
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const res = await fetch(url, { headers: SHOP_AUTH });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

const health = (started: Started) => get(`${started.gateway.url}/health`);
const api = (started: Started, path: string) => get(`${started.gateway.url}/bj_api_sync/v1/${path}`);

describe('endpoints whose configuration does not match Odoo', () => {
  let sim: RunningSimulator;
  let started: Started;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 'demo', keepAlive: true });
    started = await startWith(sim.url, sim);
    await waitFor(async () => (await health(started)).body.status === 'degraded');
  });
  afterAll(async () => {
    await stop(started);
    await sim.close();
  });

  test('when the start-up check found a missing model and a bad domain, then /health is 200 degraded naming both', async () => {
    const res = await health(started);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      status: 'degraded',
      misconfigured_endpoints: ['invoices', 'suppliers'],
    });
  });

  test('when a caller uses the endpoint on a missing model, then 503 ENDPOINT_MISCONFIGURED says what ops must fix, without a file path', async () => {
    const res = await api(started, 'invoices');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(res.body).toMatchObject({ success: false, status_code: 'ENDPOINT_MISCONFIGURED' });
    expect(res.body.error).toBe(
      'Endpoint "invoices" is unavailable: its configuration does not match Odoo, which ops must fix: model: Odoo has no model "account.move" (check the technical model name and that its Odoo module is installed)',
    );
    expect(JSON.stringify(res.body)).not.toMatch(/\.yaml|gw-misconfigured/);
  });

  test('when a caller posts to the endpoint with a bad domain, then 503, not the 502 of Odoo\'s "Invalid field"', async () => {
    const res = await fetch(`${started.gateway.url}/bj_api_sync/v1/suppliers`, {
      method: 'POST',
      headers: { ...SHOP_AUTH, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Acme' }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect([res.status, body.status_code]).toEqual([503, 'ENDPOINT_MISCONFIGURED']);
    expect(body.error).toContain('domain[0]: res.partner has no field "is_compnay"');
  });

  test('when a caller has no credentials, then 401 comes first and tells nothing of the configuration', async () => {
    const res = await fetch(`${started.gateway.url}/bj_api_sync/v1/invoices`);
    expect(res.status).toBe(401);
  });

  test('when the healthy endpoints are called meanwhile, then they serve', async () => {
    expect((await api(started, 'customers/C-1001')).status).toBe(200);
  });

  test('when the mistake is fixed and the configuration reloaded, then the endpoint serves and /health names only what is left', async () => {
    fs.writeFileSync(path.join(started.dir, 'endpoints', 'suppliers.yaml'), suppliers('is_company'));
    await started.gateway.reload();
    await waitFor(async () => (await api(started, 'suppliers')).status === 200);
    await waitFor(async () => (await health(started)).body.status === 'degraded');
    expect((await health(started)).body.misconfigured_endpoints).toEqual(['invoices']);
    expect(started.logs.join('')).toContain('endpoints serving again');
  });
});

describe('when Odoo was down when the gateway started', () => {
  test('when Odoo comes up later, then the periodic re-check finds the misconfigured endpoints', async () => {
    const port = await freePort();
    const probe = await startSimulator({ seed: 'demo' });
    const started = await startWith(`http://127.0.0.1:${port}`, probe, 200);
    await probe.close();
    try {
      await sleep(300);
      // Nothing known yet: every endpoint serves (and meets Odoo's own 503).
      expect((await health(started)).body).toEqual({
        success: true,
        status: 'ok',
        misconfigured_endpoints: [],
      });
      const sim = await startSimulator({ seed: 'demo', keepAlive: true, port });
      try {
        await waitFor(async () => (await health(started)).body.status === 'degraded');
        expect((await api(started, 'invoices')).body.status_code).toBe('ENDPOINT_MISCONFIGURED');
      } finally {
        await stop(started);
        await sim.close();
      }
    } catch (error) {
      await stop(started).catch(() => undefined);
      throw error;
    }
  });
});
