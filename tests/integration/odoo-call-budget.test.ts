/**
 * `odoo.timeout_ms` bounds a call's wait for a free slot and its time at Odoo together: a call that
 * waited gets only what is left of the budget, so no call lasts twice `timeout_ms`.
 */
import { createOdooClient } from '../../src/odoo/create-odoo-client';
import { GatewayError } from '../../src/errors/gateway-error';
import { RunningSimulator, startSimulator } from '../../src/simulator';

describe('the time budget of an Odoo call', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator({ keepAlive: true });
  });
  afterAll(async () => {
    await simulator.close();
  });

  test('when a call waited for a slot, then its read timeout is what the wait left of timeout_ms', async () => {
    const client = createOdooClient({
      url: simulator.url,
      db: simulator.db,
      username: simulator.username,
      password: simulator.password,
      timeoutMs: 600,
      connectTimeoutMs: 1000,
      maxConcurrency: 1,
      protocol: 'xmlrpc',
    });
    try {
      await client.executeKw('res.partner', 'search_count', [[]], {}, { readOnly: true }); // logs in
      simulator.controls.setLatency(400);
      const read = () =>
        client.executeKw('res.partner', 'search_count', [[]], {}, { readOnly: true }).then(
          () => 'ok',
          (error: GatewayError) => error.code,
        );
      const started = performance.now();
      const [first, second] = await Promise.all([read(), read()]);
      const elapsed = performance.now() - started;
      expect(first).toBe('ok');
      // The second waited ~400 ms, so 200 ms were left for a call Odoo answers in 400 ms.
      expect(second).toBe('ODOO_TIMEOUT');
      expect(elapsed).toBeLessThan(1000);
    } finally {
      simulator.controls.setLatency(0);
      await client.close();
    }
  });
});
