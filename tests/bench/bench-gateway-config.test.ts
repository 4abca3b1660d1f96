import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseOptions } from '../../bench/options';
import { gatewayHasReadPlan, gatewaySettings } from '../../bench/processes/gateway-config';

const REPO_ROOT = path.resolve(__dirname, '../..');
const SHIPPED = path.join(REPO_ROOT, 'config/gateway.yaml');

describe('what the bench reads from the gateway config', () => {
  let dir: string;

  /** A gateway.yaml with the shipped endpoints and this `odoo.protocol`, read from the environment. */
  function configWithProtocol(protocol: string): string {
    const file = path.join(dir, `gateway-${protocol}.yaml`);
    const endpoints = path.join(REPO_ROOT, 'config/endpoints');
    fs.writeFileSync(
      file,
      [
        'odoo:',
        '  url: ${ODOO_URL}',
        '  db: ${ODOO_DB}',
        '  username: ${ODOO_USERNAME}',
        '  password: ${ODOO_PASSWORD}',
        `  protocol: ${protocol}`,
        `endpoints_dir: ${JSON.stringify(endpoints)}`,
        '',
      ].join('\n'),
    );
    return file;
  }

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-config-'));
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('when the shipped config leaves the protocol on auto, then the CRUD rows pin the gateway to XML-RPC', () => {
    expect(gatewaySettings(parseOptions(['--config', SHIPPED]))).toEqual({
      maxConcurrency: 8,
      protocol: 'xmlrpc',
    });
  });

  test('when --gateway-protocol jsonrpc is given, then the gateway and the Express route speak /jsonrpc', () => {
    const options = parseOptions(['--config', SHIPPED, '--gateway-protocol', 'jsonrpc']);
    expect(gatewaySettings(options).protocol).toBe('jsonrpc');
  });

  test('when the config names a session, then the CRUD rows refuse it and point at the transports row', () => {
    const options = parseOptions(['--config', configWithProtocol('session')]);
    expect(() => gatewaySettings(options)).toThrow(/set protocol to xmlrpc, jsonrpc or auto, not session/);
  });

  test('when the config has no read_plan setting, then ODOO_READ_PLAN is known not to apply', () => {
    expect(gatewayHasReadPlan(configWithProtocol('xmlrpc'))).toBe(false);
  });
});
