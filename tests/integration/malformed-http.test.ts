/** Requests Node's HTTP parser refuses still get the gateway's JSON error and a request id. */
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/load-config';
import { RunningGateway, startGateway } from '../../src/gateway';
import { createLogger } from '../../src/logging/create-logger';
import { RunningSimulator, startSimulator } from '../../src/simulator';
import { REPO_ROOT } from './support/gateway-harness';

/** Nothing of the store is left on disk. */
const MEMORY_STORE = { type: 'memory' } as const;

function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk.toString('utf8')));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

describe('malformed HTTP', () => {
  let sim: RunningSimulator;
  let gateway: RunningGateway;
  let port: number;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 'demo' });
    const env = {
      ODOO_URL: sim.url,
      ODOO_DB: sim.db,
      ODOO_USERNAME: sim.username,
      ODOO_PASSWORD: sim.password,
    };
    const logger = createLogger({
      level: 'error',
      format: 'json',
      stream: new Writable({ write: (_c, _e, cb) => cb() }),
    });
    gateway = await startGateway({
      store: MEMORY_STORE,
      config: loadConfig({ configPath: path.join(REPO_ROOT, 'config/gateway.yaml'), env }),
      logger,
      port: 0,
    });
    port = Number(new URL(gateway.url).port);
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  test.each([
    ['a control character in a header', 'GET /health HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n', 400],
    [
      'two different Content-Lengths',
      'POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
      400,
    ],
    [
      'headers over the size limit',
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
    ],
  ])(
    'when a request has %s, then the answer is a JSON error with a request id',
    async (_label, text, status) => {
      const reply = await rawRequest(port, text);
      expect(reply.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
      expect(reply).toMatch(/X-Request-ID: [0-9a-f-]{36}/);
      const body = JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
      expect(body).toMatchObject({
        success: false,
        status_code: expect.any(String),
        request_id: expect.any(String),
      });
    },
  );

  test('when a malformed request came in, then the gateway still serves the next one', async () => {
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
  });
});
