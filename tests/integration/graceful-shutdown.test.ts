/**
 * SIGTERM (src/index.ts) calls gateway.close(): stop accepting, let requests in flight finish (bounded),
 * then free the Odoo client and the simulator.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/load-config';
import { startGateway } from '../../src/gateway';
import { createLogger } from '../../src/logging/create-logger';
import { startSimulator } from '../../src/simulator';
import { REPO_ROOT, SHOP_AUTH } from './support/gateway-harness';

/** Nothing of the store is left on disk. */
const MEMORY_STORE = { type: 'memory' } as const;

const quietLogger = () =>
  createLogger({ level: 'error', format: 'json', stream: new Writable({ write: (_c, _e, cb) => cb() }) });

describe('graceful shutdown', () => {
  test('when the gateway closes during a slow request, then that request completes and new ones are refused', async () => {
    const sim = await startSimulator({ seed: 'demo', keepAlive: true });
    const env = {
      ODOO_URL: sim.url,
      ODOO_DB: sim.db,
      ODOO_USERNAME: sim.username,
      ODOO_PASSWORD: sim.password,
    };
    const config = loadConfig({ configPath: path.join(REPO_ROOT, 'config/gateway.yaml'), env });
    const gateway = await startGateway({ config, logger: quietLogger(), port: 0, store: MEMORY_STORE });
    try {
      await fetch(`${gateway.url}/bj_api_sync/v1/customers/C-1001`, { headers: SHOP_AUTH }); // warm caches
      sim.controls.setLatency(300);
      const callsBefore = sim.controls.callLog().length;
      const inFlight = fetch(`${gateway.url}/bj_api_sync/v1/customers/C-1001`, { headers: SHOP_AUTH });
      // Close only once the request is surely in flight: its Odoo call has reached the simulator.
      while (sim.controls.callLog().length === callsBefore)
        await new Promise((resolve) => setTimeout(resolve, 5));
      const closed = gateway.close();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { customer_id: string } }).data.customer_id).toBe('C-1001');
      await closed;
      await expect(fetch(`${gateway.url}/health`)).rejects.toThrow();
    } finally {
      await gateway.close();
      await sim.close();
    }
  });

  test('when no Odoo URL is configured, then the gateway runs on its own simulator in demo mode', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      format: 'json',
      stream: new Writable({
        write: (chunk: Buffer, _e, cb) => {
          lines.push(chunk.toString());
          cb();
        },
      }),
    });
    const config = loadConfig({ configPath: path.join(REPO_ROOT, 'config/gateway.yaml'), env: {} });
    const gateway = await startGateway({ config, logger, port: 0, store: MEMORY_STORE });
    try {
      expect(lines[0]).toContain('DEMO MODE');
      const res = await fetch(`${gateway.url}/bj_api_sync/v1/countries/BE`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: { name: string } }).data.name).toBe('Belgium');
      // The shipped config is checked against Odoo at start, in the background, and passes.
      for (let k = 0; k < 50 && !lines.some((l) => l.includes('config check against Odoo')); k += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const summary = lines.find((l) => l.includes('config check against Odoo')) ?? '';
      expect(summary).toContain('"level":"info"');
      expect(lines.filter((l) => l.includes('config check:'))).toEqual([]);
    } finally {
      await gateway.close();
    }
  });
});
