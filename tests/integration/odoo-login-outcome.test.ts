/** Odoo answers a refused login with `false`, not a fault: the call is still not an "ok" one. */
import { createOdooClient } from '../../src/odoo/create-odoo-client';
import { OdooCallInfo } from '../../src/odoo/odoo-client';
import { RunningSimulator, startSimulator } from '../../src/simulator';

describe('the outcome of a refused login', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator({ keepAlive: true });
  });
  afterAll(async () => {
    await simulator.close();
  });

  test.each(['xmlrpc', 'jsonrpc'] as const)(
    'when Odoo refuses the login over %s, then the call is reported as a fault, not ok',
    async (protocol) => {
      const calls: OdooCallInfo[] = [];
      const client = createOdooClient(
        {
          url: simulator.url,
          db: simulator.db,
          username: simulator.username,
          password: 'wrong-password',
          timeoutMs: 2000,
          connectTimeoutMs: 1000,
          maxConcurrency: 2,
          protocol,
        },
        { onCallEnd: (info) => calls.push(info) },
      );
      try {
        await expect(client.executeKw('res.partner', 'search_count', [[]])).rejects.toMatchObject({
          status: 503,
        });
        const logins = calls.filter((call) => call.method === 'authenticate');
        expect(logins.length).toBeGreaterThan(0);
        expect(logins.map((call) => call.outcome)).not.toContain('ok');
      } finally {
        await client.close();
      }
    },
  );
});
