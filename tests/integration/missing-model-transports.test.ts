/**
 * A model Odoo does not have is found on every transport: JSON-2 (404) and session (its error class
 * OdooModelMissingError), XML-RPC and JSON-RPC (fault "Object x doesn't exist"). The catalog marks it
 * missing, and test-connection tells ops which file names it; a request to such an endpoint is a 503.
 */
import request from 'supertest';
import { loadConfig } from '../../src/config/load-config';
import type { OdooProtocol } from '../../src/odoo/odoo-client';
import { loadModelCatalog } from '../../src/ops/model-catalog';
import { createOdooClient } from '../../src/odoo/create-odoo-client';
import { RunningSimulator, startSimulator } from '../../src/simulator';
import { Harness, startHarness } from './support/gateway-harness';
import { SIMULATOR_GATEWAY_YAML, TempConfig, writeTempConfig } from './support/temp-config';

const MISSING = 'x_shop.review';

const cases: Array<{ version: 18 | 19; protocol: OdooProtocol }> = [
  { version: 19, protocol: 'json2' },
  { version: 18, protocol: 'session' },
  { version: 18, protocol: 'xmlrpc' },
  { version: 18, protocol: 'jsonrpc' },
];

describe.each(cases)('a missing model on Odoo $version over $protocol', ({ version, protocol }) => {
  let sim: RunningSimulator;
  let config: TempConfig;
  beforeAll(async () => {
    sim = await startSimulator({ version, seed: 'demo' });
    config = writeTempConfig(
      { 'reviews.yaml': REVIEWS_YAML },
      `${SIMULATOR_GATEWAY_YAML}  protocol: \${ODOO_PROTOCOL}\n`,
    );
  });
  afterAll(async () => {
    await sim.close();
    config.remove();
  });

  const env = () => ({
    ODOO_URL: sim.url,
    ODOO_DB: sim.db,
    ODOO_USERNAME: sim.username,
    ODOO_PASSWORD: protocol === 'json2' ? sim.apiKey : sim.password,
    ODOO_PROTOCOL: protocol,
  });

  it('when the catalog asks for it, then it is missing and a model that exists is read', async () => {
    const gatewayConfig = loadConfig({ configPath: config.configPath, env: env() });
    const odoo = createOdooClient(gatewayConfig.settings.odoo);
    try {
      const catalog = await loadModelCatalog(odoo, [MISSING, 'res.partner'], []);
      expect(catalog.get(MISSING)).toEqual({ state: 'missing' });
      expect(catalog.get('res.partner')?.state).toBe('ok');
    } finally {
      await odoo.close();
    }
  });

  it('when an endpoint names it, then test-connection is a 503 naming the file, and a request to it a 503 for ops', async () => {
    let h: Harness | undefined;
    try {
      h = await startHarness({ configPath: config.configPath, env: env(), simulator: { version } });
      const check = await request(h.url).get('/bj_api_sync/test-connection');
      expect(check.status).toBe(503);
      expect(check.body.odoo).toMatchObject({
        reachable: true,
        protocol,
        protocol_reason: 'set in gateway.yaml',
      });
      expect(check.body.endpoints[0]).toMatchObject({
        endpoint: 'reviews',
        model: MISSING,
        model_exists: false,
      });
      expect(check.body.endpoints[0].problems).toEqual([
        expect.objectContaining({
          file: 'reviews.yaml',
          line: 2,
          key: 'model',
          message: `Odoo has no model "${MISSING}"`,
          hint: 'check the technical model name and that its Odoo module is installed',
          severity: 'error',
        }),
      ]);
      const res = await request(h.url).get('/bj_api_sync/v1/reviews');
      expect(res.status).toBe(503);
      // test-connection's verdict took the endpoint out of service: ops are told what to fix.
      expect(res.body).toMatchObject({ status_code: 'ENDPOINT_MISCONFIGURED' });
      expect(res.body.error).toContain(MISSING);
      expect(JSON.stringify(res.body)).not.toMatch(/Traceback|\.py\b|<html/i);
    } finally {
      await h?.close();
    }
  });
});

const REVIEWS_YAML = [
  'endpoint: reviews',
  `model: ${MISSING}`,
  'methods: [GET]',
  'auth: { type: none }',
  'fields:',
  '  - { key: name, field: name }',
  '',
].join('\n');
