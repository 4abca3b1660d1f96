import { createOdooClient } from '../../src/odoo/create-odoo-client';
import type { OdooClient } from '../../src/odoo/odoo-client';
import { json2Value, RecordedOdoo, startRecordedOdoo } from './odoo-client-recorded-odoo';

/**
 * Odoo's own HTTP server answers `Connection: close` to every request and closes the socket; a
 * reverse proxy in front of it may keep connections open. The gateway's keep-alive agent must reuse
 * a socket only in the second case and never write a second request onto a socket the server
 * announced it would close (which would fail as a reset, and for a write leave its outcome unknown).
 */
let odoo: RecordedOdoo | undefined;
let gateway: OdooClient | undefined;

afterEach(async () => {
  await gateway?.close();
  await odoo?.close();
  gateway = odoo = undefined;
});

async function writeFiveTimes(keepAlive: boolean): Promise<{ results: unknown[]; connections: number }> {
  odoo = await startRecordedOdoo(
    (request) => (request.path.endsWith('/context_get') ? json2Value({ uid: 2 }) : json2Value(true)),
    { keepAlive },
  );
  gateway = createOdooClient({
    url: odoo.url,
    db: 'odoo',
    username: '',
    password: 'key',
    timeoutMs: 2000,
    connectTimeoutMs: 1000,
    maxConcurrency: 2,
    protocol: 'json2',
  });
  const results: unknown[] = [];
  // One after the other, so that each call could pick up the socket the previous one used.
  for (let i = 0; i < 5; i++)
    results.push(await gateway.executeKw('res.partner', 'write', [[i], { ref: 'x' }]));
  return { results, connections: odoo.connections() };
}

describe('Odoo client connections', () => {
  it('when the server answers Connection: close (Odoo itself), then every call opens its own socket and none fails', async () => {
    const { results, connections } = await writeFiveTimes(false);
    expect(results).toEqual([true, true, true, true, true]);
    expect(odoo?.to('/json/2/res.partner/write')).toHaveLength(5);
    expect(connections).toBe(6); // the key check and five writes
  });

  it('when the server keeps connections open (a reverse proxy), then the calls share one socket', async () => {
    const { results, connections } = await writeFiveTimes(true);
    expect(results).toEqual([true, true, true, true, true]);
    expect(connections).toBe(1);
  });
});
