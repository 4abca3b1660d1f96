/**
 * The running gateway tells ops which protocol it speaks to Odoo and why: one info line at start (demo
 * mode too), or, when Odoo is unreachable then, a warning and the line on the first successful
 * connection; /metrics carries the same as `gateway_odoo_protocol_info`.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/load-config';
import { RunningGateway, startGateway } from '../../src/gateway';
import { createLogger } from '../../src/logging/create-logger';
import { RunningSimulator, SimulatorOptions, startSimulator } from '../../src/simulator';
import { REPO_ROOT, SHOP_AUTH } from './support/gateway-harness';
import { closedPort } from './support/ports';

interface LogLine {
  level: string;
  message: string;
  [key: string]: unknown;
}

interface Started {
  gateway: RunningGateway;
  logs: LogLine[];
}

/** A Prometheus text-format sample: a valid metric name, valid label names, quoted values, a number. */
const EXPOSITION_SAMPLE =
  /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? (?:[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|[-+]?Inf|NaN)$/;

const running: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  // Gateways first: they stop calling Odoo before the simulators go.
  for (const item of running.splice(0)) await item.close();
});

async function simulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const sim = await startSimulator({ seed: 'demo', keepAlive: true, ...options });
  running.push(sim);
  return sim;
}

async function gatewayWith(env: Record<string, string>): Promise<Started> {
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        logs.push(JSON.parse(line) as LogLine);
      }
      callback();
    },
  });
  const config = loadConfig({ configPath: path.join(REPO_ROOT, 'config/gateway.yaml'), env });
  const logger = createLogger({ level: 'info', format: 'json', stream });
  const gateway = await startGateway({ config, logger, port: 0 });
  running.unshift(gateway);
  return { gateway, logs };
}

function envFor(sim: RunningSimulator, password = sim.password): Record<string, string> {
  return { ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: sim.username, ODOO_PASSWORD: password };
}

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const settledLines = (logs: LogLine[]) => logs.filter((line) => line.message === 'odoo connection settled');
const settled = (logs: LogLine[]) => until(() => settledLines(logs)[0], 'the settled log line');

async function metricsText(gateway: RunningGateway): Promise<string> {
  return (await fetch(`${gateway.url}/metrics`)).text();
}

describe('the gateway says which protocol it speaks to Odoo', () => {
  it('when Odoo 18 is reached with a password, then one info line names session, the reason and the version, and /metrics the same', async () => {
    const sim = await simulator();
    const { gateway, logs } = await gatewayWith(envFor(sim));
    expect(await settled(logs)).toEqual({
      level: 'info',
      message: 'odoo connection settled',
      protocol: 'session',
      reason: 'Odoo 18.0 accepted a session login with the credential',
      server_version: '18.0',
      timestamp: expect.any(String),
    });
    await fetch(`${gateway.url}/bj_api_sync/v1/customers/C-1001`, { headers: SHOP_AUTH });
    const text = await metricsText(gateway);
    expect(text).toContain('gateway_odoo_protocol_info{protocol="session",server_version="18.0"} 1');
    expect(text).not.toContain('protocol="auto"');
    expect(settledLines(logs)).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toContain(sim.password);
  });

  it('when Odoo 19 gets an API key, then the line names json2', async () => {
    const sim = await simulator({ version: 19 });
    const { logs } = await gatewayWith(envFor(sim, sim.apiKey));
    expect(await settled(logs)).toMatchObject({
      protocol: 'json2',
      reason: 'Odoo 19.0 accepted the credential as an API key on JSON-2',
      server_version: '19.0',
    });
    expect(JSON.stringify(logs)).not.toContain(sim.apiKey);
  });

  it.each([
    { version: 18 as const, credential: 'password' as const, login: 'model="session",method="authenticate"' },
    { version: 19 as const, credential: 'apiKey' as const, login: 'model="res.users",method="context_get"' },
  ])(
    'when Odoo $version is spoken to with its $credential, then the Odoo call series keep their labels and every line is valid exposition text',
    async ({ version, credential, login }) => {
      const sim = await simulator({ version });
      const { gateway, logs } = await gatewayWith(envFor(sim, sim[credential]));
      await settled(logs);
      await fetch(`${gateway.url}/bj_api_sync/v1/customers/C-1001`, { headers: SHOP_AUTH });
      const text = await metricsText(gateway);
      expect(text).toContain(`gateway_odoo_calls_total{${login},outcome="ok"} 1`);
      expect(text).toMatch(
        /gateway_odoo_calls_total\{model="res.partner",method="(?:web_)?search_read",outcome="ok"\} \d/,
      );
      expect(text).toMatch(
        /gateway_odoo_call_duration_seconds_count\{model="res.partner",method="(?:web_)?search_read"\} \d/,
      );
      const samples = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
      expect(samples.filter((line) => !EXPOSITION_SAMPLE.test(line))).toEqual([]);
    },
  );

  it('when the protocol is set by hand, then the line says it was set in gateway.yaml', async () => {
    const sim = await simulator();
    const { logs } = await gatewayWith({ ...envFor(sim), ODOO_PROTOCOL: 'xmlrpc' });
    expect(await settled(logs)).toMatchObject({ protocol: 'xmlrpc', reason: 'set in gateway.yaml' });
  });

  it('when no ODOO_URL is set (demo mode), then the line is logged for the built-in simulator', async () => {
    const { logs } = await gatewayWith({});
    expect(await settled(logs)).toMatchObject({ protocol: 'session', server_version: '18.0' });
  });

  it('when Odoo is unreachable at start, then a warning says so, and the choice is logged once on the first successful connection', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}`;
    const { gateway, logs } = await gatewayWith({
      ODOO_URL: url,
      ODOO_DB: 'odoo',
      ODOO_USERNAME: 'admin',
      ODOO_PASSWORD: 'admin',
    });
    const warning = await until(
      () => logs.find((line) => line.message.startsWith('Odoo could not be reached at start')),
      'the unreachable warning',
    );
    expect(warning).toMatchObject({
      level: 'warn',
      protocol: 'auto',
      reason: 'not settled: Odoo unreachable',
      error: 'Odoo is not reachable (connection refused)',
    });
    expect(await metricsText(gateway)).toContain(
      'gateway_odoo_protocol_info{protocol="auto",server_version="unknown"} 1',
    );
    expect(settledLines(logs)).toEqual([]);

    await simulator({ port });
    const res = await fetch(`${gateway.url}/bj_api_sync/v1/customers/C-1001`, { headers: SHOP_AUTH });
    expect(res.status).toBe(200);
    expect(await settled(logs)).toMatchObject({ protocol: 'session', server_version: '18.0' });
    await fetch(`${gateway.url}/bj_api_sync/v1/customers/C-1002`, { headers: SHOP_AUTH });
    expect(settledLines(logs)).toHaveLength(1);
    const text = await metricsText(gateway);
    expect(text).toContain('gateway_odoo_protocol_info{protocol="session",server_version="18.0"} 1');
    expect(text).not.toContain('protocol="auto"');
    expect(JSON.stringify(logs)).not.toContain(url);
  });
});
