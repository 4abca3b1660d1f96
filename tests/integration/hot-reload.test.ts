/**
 * Hot reload under load: a valid edit is swapped in while requests keep flowing (none fails), an invalid
 * edit is rejected with its error logged and the old configuration keeps serving.
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error('condition not met in time');
}

describe('hot reload of the endpoint files', () => {
  let dir: string;
  let sim: RunningSimulator;
  let gateway: RunningGateway;
  const logs: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-reload-'));
    fs.cpSync(path.join(REPO_ROOT, 'config'), dir, { recursive: true });
    sim = await startSimulator({ seed: 'demo', keepAlive: true });
    const env = {
      ODOO_URL: sim.url,
      ODOO_DB: sim.db,
      ODOO_USERNAME: sim.username,
      ODOO_PASSWORD: sim.password,
    };
    const configPath = path.join(dir, 'gateway.yaml');
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logs.push(chunk.toString('utf8'));
        callback();
      },
    });
    const logger = createLogger({ level: 'info', format: 'json', stream });
    gateway = await startGateway({
      store: MEMORY_STORE,
      config: loadConfig({ configPath, env }),
      logger,
      watch: { configPath, env },
      port: 0,
    });
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const getCustomer = () =>
    fetch(`${gateway.url}/bj_api_sync/v1/customers/C-1001`, { headers: SHOP_AUTH }).then(async (res) => ({
      status: res.status,
      body: (await res.json()) as { data?: Record<string, unknown> },
    }));

  test('when a mapping is edited under load, then the change is served and no request fails', async () => {
    const file = path.join(dir, 'endpoints', 'customers.yaml');
    const statuses: number[] = [];
    let running = true;
    const load = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (running) statuses.push((await getCustomer()).status);
      }),
    );
    await sleep(200);
    fs.appendFileSync(file, '  - { key: website, field: website }\n');
    await waitFor(async () => (await getCustomer()).body.data?.website !== undefined);
    await sleep(200);
    running = false;
    await load;
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect((await getCustomer()).body.data?.website).toBe('https://www.azureinterior.example.com');
    const spec = (await (await fetch(`${gateway.url}/bj_api_sync/v1/openapi.json`)).json()) as object;
    expect(JSON.stringify(spec)).toContain('website');
  });

  test('when a mapping is broken, then the reload is rejected, the error is logged and the old config serves', async () => {
    const file = path.join(dir, 'endpoints', 'customers.yaml');
    const before = fs.readFileSync(file, 'utf8');
    fs.appendFileSync(file, '  - { key: fax, feild: fax }\n');
    expect(await gateway.reload()).toBe(false);
    await waitFor(async () =>
      logs.some((line) => line.includes('reload rejected') && line.includes('feild')),
    );
    const res = await getCustomer();
    expect(res.status).toBe(200);
    expect(res.body.data?.website).toBeDefined();
    fs.writeFileSync(file, before);
    expect(await gateway.reload()).toBe(true);
  });
});
