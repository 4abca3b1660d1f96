import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runConfigCheck } from '../../src/cli/config-check';
import { RunningSimulator, startSimulator } from '../../src/simulator';
import { closedPort } from './support/ports';

const REPO_ROOT = path.resolve(__dirname, '../..');
const SHIPPED = path.join(REPO_ROOT, 'config/gateway.yaml');

let simulator: RunningSimulator;
let tmpDir: string;

beforeAll(async () => {
  simulator = await startSimulator({ seed: 'demo' });
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-check-'));
});

afterAll(async () => {
  await simulator.close();
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

async function run(
  argv: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runConfigCheck(argv, env, (line) => lines.push(line));
  return { code, lines };
}

function simulatorEnv(password = simulator.password): Record<string, string> {
  return {
    ODOO_URL: simulator.url,
    ODOO_DB: simulator.db,
    ODOO_USERNAME: simulator.username,
    ODOO_PASSWORD: password,
  };
}

/** gateway.yaml + one customers endpoint file; returns the gateway.yaml path. */
function writeConfig(name: string, customerLines: string[], gatewayExtra: string[] = []): string {
  const dir = path.join(tmpDir, name);
  fs.mkdirSync(path.join(dir, 'endpoints'), { recursive: true });
  const gateway = path.join(dir, 'gateway.yaml');
  fs.writeFileSync(gateway, ['endpoints_dir: endpoints', ...gatewayExtra, ''].join('\n'));
  fs.writeFileSync(
    path.join(dir, 'endpoints', 'customers.yaml'),
    [
      'endpoint: customers',
      'model: res.partner',
      'methods: [GET, POST]',
      'auth: { type: none }',
      'fields:',
      ...customerLines,
      '',
    ].join('\n'),
  );
  return gateway;
}

describe('config:check (runConfigCheck)', () => {
  it('when the shipped config has no odoo.url, then it is checked against the built-in simulator and passes', async () => {
    const { code, lines } = await run([SHIPPED]);
    expect(lines).toContain(
      'No odoo.url is set: checking against the built-in Odoo simulator (demo data), not a real Odoo',
    );
    expect(lines.at(-1)).toMatch(
      /^config check: Connection OK: Odoo 18\.0, 5 endpoints and 2 mappings consistent/,
    );
    expect(lines).toContain('Protocol: session (Odoo 18.0 accepted a session login with the credential)');
    expect(code).toBe(0);
  });

  it('when GATEWAY_CONFIG points at a config with a misspelled field, then one line per problem and exit 1', async () => {
    const gateway = writeConfig('typo', [
      '  - { key: name, field: name, required: true }',
      '  - { key: phone, field: phone }',
      '  - { key: email, field: emial, type: email }',
    ]);
    const { code, lines } = await run([], { GATEWAY_CONFIG: gateway });
    const file = path.relative(process.cwd(), path.join(tmpDir, 'typo', 'endpoints', 'customers.yaml'));
    expect(lines).toContain(
      `${file}:8 fields[2].field: res.partner has no field "emial" (did you mean "email"?)`,
    );
    expect(lines.at(-1)).toBe(
      'config check: Odoo is reachable but the configuration does not match it: 1 error, 0 warnings (1 endpoint and 0 mappings checked)',
    );
    expect(code).toBe(1);
  });

  it('when there are only warnings, then they are printed as warnings and the exit code is 0', async () => {
    const gateway = writeConfig('warning', [
      '  - { key: name, field: name }',
      '  - { key: label, field: complete_name }',
    ]);
    const { code, lines } = await run([gateway, '--simulator']);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^warning: .*customers\.yaml:7 fields\[1\]\.field: res\.partner\.complete_name is read-only in Odoo/,
      ),
    );
    expect(code).toBe(0);
  });

  it('when the files themselves are invalid, then the offline problems are printed and Odoo is not asked', async () => {
    const gateway = writeConfig('offline', ['  - { key: name, feild: name }']);
    const { code, lines } = await run([gateway]);
    expect(lines).toContainEqual(
      expect.stringMatching(/customers\.yaml:6 fields\[0\]\.feild: .*did you mean "field"\?/),
    );
    expect(lines.at(-1)).toBe('config check: 1 problem in the configuration files; Odoo was not checked');
    expect(code).toBe(1);
  });

  it('when Odoo is unreachable, then it says so and exits 2 after the offline checks passed', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const { code, lines } = await run([SHIPPED], { ...simulatorEnv(), ODOO_URL: url });
    expect(lines).toContain('Offline checks passed: 5 endpoints, 2 mappings');
    expect(lines).toContain('Odoo is unreachable: Odoo is not reachable (connection refused)');
    expect(lines).toContain('Protocol: auto (not settled: Odoo unreachable)');
    expect(code).toBe(2);
  });

  it('when odoo.url is set and the login is refused, then exit 1 and the password is never printed', async () => {
    const password = 'not-the-password-5521';
    const { code, lines } = await run([SHIPPED], simulatorEnv(password));
    expect(lines).toContainEqual(expect.stringMatching(/^config check: Odoo refused the gateway's login/));
    expect(lines.join('\n')).not.toContain(password);
    expect(code).toBe(1);
  });

  it('when odoo.url points at a reachable Odoo, then it is checked there, not against the simulator', async () => {
    const gateway = writeConfig(
      'remote',
      ['  - { key: name, field: name }'],
      [
        'odoo:',
        '  url: ${ODOO_URL}',
        '  db: ${ODOO_DB}',
        '  username: ${ODOO_USERNAME}',
        '  password: ${ODOO_PASSWORD}',
        '  protocol: ${ODOO_PROTOCOL}',
      ],
    );
    const { code, lines } = await run([gateway], { ...simulatorEnv(), ODOO_PROTOCOL: 'xmlrpc' });
    expect(lines).toContain(
      `Odoo: ${simulator.url} (database "${simulator.db}", user "${simulator.username}")`,
    );
    expect(lines).toContain('Protocol: xmlrpc (set in gateway.yaml)');
    expect(lines.join('\n')).not.toContain('built-in Odoo simulator');
    expect(code).toBe(0);
  });

  it('when an unknown option is given, then the usage and exit 1', async () => {
    const { code, lines } = await run(['--frobnicate']);
    expect(lines[0]).toBe('unexpected argument: --frobnicate');
    expect(lines[1]).toMatch(/^usage: odoo-gateway-config-check/);
    expect(code).toBe(1);
  });
});
