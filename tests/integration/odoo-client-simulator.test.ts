import { createOdooClient } from '../../src/odoo/create-odoo-client';
import type { OdooClient } from '../../src/odoo/odoo-client';
import { GatewayError } from '../../src/errors/gateway-error';
import { RunningSimulator, startSimulator } from '../../src/simulator';

let simulator: RunningSimulator;
const clients: OdooClient[] = [];

beforeAll(async () => {
  simulator = await startSimulator({ keepAlive: true });
});

afterEach(async () => {
  simulator.controls.injectFailure(null);
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

afterAll(async () => {
  await simulator.close();
});

function clientFor(protocol: 'xmlrpc' | 'jsonrpc', timeoutMs = 2000): OdooClient {
  const client = createOdooClient({
    url: simulator.url,
    db: simulator.db,
    username: simulator.username,
    password: simulator.password,
    timeoutMs,
    connectTimeoutMs: 1000,
    maxConcurrency: 4,
    protocol,
  });
  clients.push(client);
  return client;
}

describe.each(['xmlrpc', 'jsonrpc'] as const)(
  'OdooClient (%s) against the built-in simulator',
  (protocol) => {
    it('when a partner is created, read, written and unlinked, then each step is seen by the next', async () => {
      const odoo = clientFor(protocol);
      const id = await odoo.executeKw<number>('res.partner', 'create', [{ name: `Sim ${protocol}` }]);
      await odoo.executeKw('res.partner', 'write', [[id], { phone: '+32 2 123 45 67' }]);
      const rows = await odoo.executeKw(
        'res.partner',
        'read',
        [[id]],
        { fields: ['name', 'phone'] },
        { readOnly: true },
      );
      expect(rows).toEqual([{ id, name: `Sim ${protocol}`, phone: '+32 2 123 45 67' }]);
      await expect(odoo.executeKw('res.partner', 'unlink', [[id]])).resolves.toBe(true);
      const error = await odoo.executeKw('res.partner', 'unlink', [[id]]).catch((e: unknown) => e);
      expect([(error as GatewayError).status, (error as GatewayError).message]).toEqual([
        404,
        'Record does not exist or has been deleted.',
      ]);
    });

    it('when the simulator answers like a proxy with an HTML 502 page, then OdooError 502', async () => {
      const odoo = clientFor(protocol);
      await odoo.authenticate();
      simulator.controls.injectFailure({
        kind: 'html',
        model: 'res.partner',
        method: 'search_read',
        times: 1,
      });
      const error = (await odoo
        .executeKw('res.partner', 'search_read', [[]], { limit: 1 }, { readOnly: true })
        .catch((e: unknown) => e)) as GatewayError;
      expect([error.status, error.code]).toEqual([502, 'ODOO_ERROR']);
    });

    it('when a write is applied but not answered in time, then 504 says the outcome is unknown', async () => {
      const odoo = clientFor(protocol, 200);
      await odoo.authenticate();
      simulator.controls.injectFailure({
        kind: 'hang',
        model: 'res.partner',
        method: 'create',
        afterExecute: true,
      });
      const error = (await odoo
        .executeKw('res.partner', 'create', [{ name: 'Maybe' }])
        .catch((e: unknown) => e)) as GatewayError;
      expect(error.status).toBe(504);
      expect(error.message).toContain('the change may or may not have been applied');
    });
  },
);
