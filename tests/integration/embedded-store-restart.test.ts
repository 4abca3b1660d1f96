/**
 * The embedded store (the default) outlives a restart: a gateway started again on the same
 * `store.path` replays an Idempotency-Key answered before the restart without writing to Odoo again,
 * and keeps the audit trail, which `npm run audit` reads from the same file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { runAudit } from '../../src/cli/audit';
import { loadConfig } from '../../src/config/load-config';
import { RunningGateway, startGateway } from '../../src/gateway';
import { createLogger } from '../../src/logging/create-logger';
import { RunningSimulator, startSimulator } from '../../src/simulator';
import { REPO_ROOT, SHOP_AUTH } from './support/gateway-harness';

const quietLogger = () =>
  createLogger({ level: 'error', format: 'json', stream: new Writable({ write: (_c, _e, cb) => cb() }) });

describe('embedded store across a restart', () => {
  let sim: RunningSimulator;
  let storeDir: string;
  let env: Record<string, string>;
  const configPath = path.join(REPO_ROOT, 'config/gateway.yaml');

  beforeAll(async () => {
    sim = await startSimulator({ seed: 'demo', keepAlive: true });
    storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-embedded-'));
    env = {
      ODOO_URL: sim.url,
      ODOO_DB: sim.db,
      ODOO_USERNAME: sim.username,
      ODOO_PASSWORD: sim.password,
      STORE_PATH: storeDir,
    };
  });
  afterAll(async () => {
    await sim.close();
    fs.rmSync(storeDir, { recursive: true, force: true });
  });

  const start = (): Promise<RunningGateway> =>
    startGateway({ config: loadConfig({ configPath, env }), logger: quietLogger(), port: 0, env });

  const post = (gateway: RunningGateway) =>
    fetch(`${gateway.url}/bj_api_sync/v1/customers`, {
      method: 'POST',
      headers: { ...SHOP_AUTH, 'Content-Type': 'application/json', 'Idempotency-Key': 'restart-key-1' },
      body: JSON.stringify({ customer_id: 'RST-1', name: 'Restarted' }),
    });

  test('when the gateway restarts, then a retried Idempotency-Key is replayed and the audit trail is still there', async () => {
    const first = await start();
    let firstBody: unknown;
    try {
      const res = await post(first);
      expect(res.status).toBe(201);
      firstBody = await res.json();
    } finally {
      await first.close();
    }
    expect(fs.existsSync(path.join(storeDir, 'gateway.sqlite'))).toBe(true);

    sim.controls.clearCallLog();
    const second = await start();
    try {
      const replay = await post(second);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await replay.json()).toEqual(firstBody);
      const creates = sim.controls.callLog().filter((call) => call.modelMethod === 'create');
      expect(creates).toHaveLength(0);
    } finally {
      await second.close();
    }

    const lines: string[] = [];
    const code = await runAudit(
      ['--since', '1h', '--identifier', 'RST-1', '--json', '--config', configPath],
      env,
      (line) => lines.push(line),
    );
    expect(code).toBe(0);
    const rows = lines.map((line) => JSON.parse(line) as { status: number; idempotency_key: string });
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.status === 201 && row.idempotency_key === 'restart-key-1')).toBe(true);
  });

  test('when npm run audit gets a bad argument, then it says what is wrong and exits 1', async () => {
    const lines: string[] = [];
    expect(await runAudit(['--since', 'soon'], env, (line) => lines.push(line))).toBe(1);
    expect(lines[0]).toContain('--since: must be');
    expect(await runAudit(['--colour', 'red'], env, (line) => lines.push(line))).toBe(1);
    expect(lines.some((line) => line.includes('unexpected argument: --colour'))).toBe(true);
  });
});
