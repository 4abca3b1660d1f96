import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { loadConfig } from '../../src/config/load-config';
import type { GatewayConfig } from '../../src/config/types';
import { createTestConnectionHandler } from '../../src/http/test-connection';
import { createOdooClient } from '../../src/odoo/create-odoo-client';
import type { OdooClient } from '../../src/odoo/odoo-client';
import { RunningSimulator, startSimulator } from '../../src/simulator';
import { closedPort } from './support/ports';

const REPO_ROOT = path.resolve(__dirname, '../..');
const PATH = '/bj_api_sync/test-connection';

let simulator: RunningSimulator;
let tmpDir: string;
const clients: OdooClient[] = [];

beforeAll(async () => {
  simulator = await startSimulator({ seed: 'demo' });
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-connection-'));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await simulator.close();
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

function odooClient(overrides: { url?: string; password?: string } = {}): OdooClient {
  const client = createOdooClient({
    url: overrides.url ?? simulator.url,
    db: simulator.db,
    username: simulator.username,
    password: overrides.password ?? simulator.password,
    timeoutMs: 5000,
    connectTimeoutMs: 1000,
    maxConcurrency: 4,
  });
  clients.push(client);
  return client;
}

function appFor(config: GatewayConfig, odoo: OdooClient): express.Express {
  const app = express();
  app.get(PATH, createTestConnectionHandler({ getConfig: () => config, odoo }));
  return app;
}

function shippedConfig(): GatewayConfig {
  return loadConfig({ configPath: path.join(REPO_ROOT, 'config/gateway.yaml'), env: {} });
}

/** A config folder with one customers endpoint whose email line names `emailField`. */
function writeConfig(name: string, emailField: string): GatewayConfig {
  const dir = path.join(tmpDir, name);
  fs.mkdirSync(path.join(dir, 'endpoints'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'gateway.yaml'), 'endpoints_dir: endpoints\n');
  fs.writeFileSync(
    path.join(dir, 'endpoints', 'customers.yaml'),
    [
      'endpoint: customers',
      'model: res.partner',
      'methods: [GET, POST]',
      'auth: { type: none }',
      'fields:',
      '  - { key: name, field: name, required: true }',
      `  - { key: email, field: ${emailField}, type: email }`,
      '',
    ].join('\n'),
  );
  return loadConfig({ configPath: path.join(dir, 'gateway.yaml'), env: {} });
}

describe('GET /bj_api_sync/test-connection against the built-in simulator', () => {
  it('when the shipped config/ is checked against the demo seed, then 200, every endpoint is consistent and auto chose a session (Odoo 18, password)', async () => {
    const res = await request(appFor(shippedConfig(), odooClient())).get(PATH);
    const problems = [...res.body.endpoints, ...res.body.mappings].flatMap(
      (entry: { problems: unknown[] }) => entry.problems,
    );
    expect(problems).toEqual([]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      ok: true,
      odoo: {
        reachable: true,
        version: '18.0',
        protocol: 'session',
        protocol_reason: 'Odoo 18.0 accepted a session login with the credential',
        uid: 2,
      },
    });
    expect(res.body.odoo.round_trip_ms).toEqual(expect.any(Number));
    const customers = res.body.endpoints.find((e: { endpoint: string }) => e.endpoint === 'customers');
    expect(customers).toEqual({
      endpoint: 'customers',
      model: 'res.partner',
      model_exists: true,
      access: { read: true, create: true, write: true, unlink: null },
      problems: [],
    });
  });

  it('when an endpoint maps a field Odoo does not have, then 503 naming the file (no path), line, key and a hint', async () => {
    const res = await request(appFor(writeConfig('broken', 'emial'), odooClient())).get(PATH);
    expect(res.status).toBe(503);
    expect(res.body.success).toBe(false);
    expect(res.body).toMatchObject({
      status_code: 'ODOO_UNAVAILABLE',
      line_id: null,
      error: res.body.message,
    });
    expect(typeof res.body.request_id).toBe('string');
    expect(res.body.odoo).toMatchObject({ reachable: true, uid: 2 });
    expect(res.body.message).toBe(
      'Odoo is reachable but the configuration does not match it: 1 error, 0 warnings (1 endpoint and 0 mappings checked)',
    );
    expect(JSON.stringify(res.body)).not.toMatch(/test-connection-|endpoints[/\\]/);
    expect(res.body.endpoints[0].problems).toEqual([
      {
        file: 'customers.yaml',
        line: 7,
        key: 'fields[1].field',
        message: 'res.partner has no field "emial"',
        hint: 'did you mean "email"?',
        severity: 'error',
      },
    ]);
  });

  it('when the same endpoint names the right field, then 200', async () => {
    const res = await request(appFor(writeConfig('fixed', 'email'), odooClient())).get(PATH);
    expect([res.status, res.body.success]).toEqual([200, true]);
  });

  it('when Odoo is unreachable, then 503 with Retry-After and a classified message, no URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const res = await request(appFor(shippedConfig(), odooClient({ url }))).get(PATH);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toEqual({
      success: false,
      message: 'Odoo is not reachable (connection refused)',
      error: 'Odoo is not reachable (connection refused)',
      status_code: 'ODOO_UNAVAILABLE',
      line_id: null,
      request_id: expect.any(String),
      ok: false,
      // No protocol was settled: the client never reached Odoo.
      odoo: {
        reachable: false,
        protocol: 'auto',
        protocol_reason: 'not settled: Odoo unreachable',
        error: 'Odoo is not reachable (connection refused)',
      },
      endpoints: [],
      mappings: [],
    });
    expect(JSON.stringify(res.body)).not.toContain(url);
  });

  it('when the gateway login is refused, then 503 saying so, and the password never appears', async () => {
    const password = 'not-the-password-7731';
    const res = await request(appFor(shippedConfig(), odooClient({ password }))).get(PATH);
    expect(res.status).toBe(503);
    expect(res.body.success).toBe(false);
    expect(res.body.odoo).toMatchObject({ reachable: true, version: '18.0' });
    expect(res.body.odoo.error).toMatch(/^Odoo refused the gateway's login/);
    expect(JSON.stringify(res.body)).not.toContain(password);
  });
});

describe('test-connection under repeated calls', () => {
  it('when it is asked many times at once and again soon after, then Odoo is checked once', async () => {
    const sim = await startSimulator({ seed: 'demo' });
    const odoo = createOdooClient({
      url: sim.url,
      db: sim.db,
      username: sim.username,
      password: sim.password,
      timeoutMs: 5000,
      connectTimeoutMs: 2000,
      maxConcurrency: 4,
    });
    try {
      const config = loadConfig({ configPath: path.resolve('config/gateway.yaml'), env: {} });
      const app = express().get(PATH, createTestConnectionHandler({ getConfig: () => config, odoo }));
      const statuses = await Promise.all(Array.from({ length: 5 }, () => request(app).get(PATH)));
      expect(statuses.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
      const callsAfterBurst = sim.controls.callLog().length;
      expect((await request(app).get(PATH)).status).toBe(200);
      expect(sim.controls.callLog().length).toBe(callsAfterBurst);
    } finally {
      await odoo.close();
      await sim.close();
    }
  });
});
