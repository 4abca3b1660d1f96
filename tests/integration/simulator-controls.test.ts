/**
 * The simulator's test controls over real HTTP: call log, injected faults, connection resets, hangs,
 * proxy error pages, latency and reset().
 */
import http from 'node:http';
import { startSimulator, type RunningSimulator } from '../../src/simulator';

const versionBody = '<?xml version="1.0"?><methodCall><methodName>version</methodName><params/></methodCall>';

function executeKwBody(model: string, method: string, args: string): string {
  const s = (v: string) => `<param><value><string>${v}</string></value></param>`;
  return (
    `<?xml version="1.0"?><methodCall><methodName>execute_kw</methodName><params>${s('odoo')}` +
    `<param><value><int>2</int></value></param>${s('admin')}${s(model)}${s(method)}` +
    `<param><value><array><data>${args}</data></array></value></param></params></methodCall>`
  );
}

const EMPTY_DOMAIN = '<value><array><data></data></array></value>';
const NEW_PARTNER =
  '<value><struct><member><name>name</name><value><string>Late</string></value></member></struct></value>';

interface Answer {
  status: number;
  body: string;
  server?: string;
}

function send(sim: RunningSimulator, path: string, body: string, timeoutMs = 2000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${sim.url}${path}`,
      { method: 'POST', agent: false, timeout: timeoutMs },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, server: String(res.headers.server ?? '') }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

describe('simulator test controls', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator();
  });

  afterAll(async () => {
    await sim.close();
  });

  afterEach(() => sim.controls.reset());

  test('when calls are made, then the call log lists common and object calls without the password', async () => {
    await send(sim, '/xmlrpc/2/common', versionBody);
    await send(sim, '/xmlrpc/2/object', executeKwBody('res.partner', 'search', EMPTY_DOMAIN));
    await send(
      sim,
      '/jsonrpc',
      JSON.stringify({
        jsonrpc: '2.0',
        method: 'call',
        params: { service: 'common', method: 'login', args: ['odoo', 'admin', 'admin'] },
      }),
    );
    expect(sim.controls.callLog()).toEqual([
      { service: 'common', protocol: 'xmlrpc', method: 'version', args: [], kwargs: {} },
      {
        service: 'object',
        protocol: 'xmlrpc',
        method: 'execute_kw',
        model: 'res.partner',
        modelMethod: 'search',
        args: [[]],
        kwargs: {},
      },
      { service: 'common', protocol: 'jsonrpc', method: 'login', args: ['odoo', 'admin', '***'], kwargs: {} },
    ]);
    sim.controls.clearCallLog();
    expect(sim.controls.callLog()).toEqual([]);
  });

  test('when a fault is injected for one model method and twice, then only those two calls fail', async () => {
    sim.controls.injectFailure({
      kind: 'fault',
      code: 2,
      message: 'Injected problem',
      model: 'res.partner',
      method: 'create',
      times: 2,
    });
    expect(
      (await send(sim, '/xmlrpc/2/object', executeKwBody('res.partner', 'search', EMPTY_DOMAIN))).body,
    ).toContain('<array>');
    const create = executeKwBody('res.partner', 'create', NEW_PARTNER);
    for (let k = 0; k < 2; k++) {
      const answer = await send(sim, '/xmlrpc/2/object', create);
      expect(answer.body).toContain('<value><int>2</int></value>');
      expect(answer.body).toContain('<value><string>Injected problem</string></value>');
    }
    expect((await send(sim, '/xmlrpc/2/object', create)).body).toMatch(/<param>\n<value><int>\d+<\/int>/);
  });

  test('when a reset is injected, then the socket is destroyed without an answer', async () => {
    sim.controls.injectFailure({ kind: 'reset', times: 1 });
    await expect(send(sim, '/xmlrpc/2/common', versionBody)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await send(sim, '/xmlrpc/2/common', versionBody)).status).toBe(200);
  });

  test('when a hang is injected, then the call never answers until the client gives up', async () => {
    sim.controls.injectFailure({ kind: 'hang', method: 'version' });
    await expect(send(sim, '/xmlrpc/2/common', versionBody, 150)).rejects.toThrow('client timeout');
  });

  test('when an HTML failure is injected, then an nginx 502 page answers', async () => {
    sim.controls.injectFailure({ kind: 'html' });
    const answer = await send(sim, '/xmlrpc/2/common', versionBody);
    expect(answer).toMatchObject({ status: 502, server: 'nginx' });
    expect(answer.body).toContain('<title>502 Bad Gateway</title>');
  });

  test('when a reset is injected after execution, then the record exists although no answer came', async () => {
    sim.controls.injectFailure({
      kind: 'reset',
      model: 'res.partner',
      method: 'create',
      afterExecute: true,
      times: 1,
    });
    await expect(
      send(sim, '/xmlrpc/2/object', executeKwBody('res.partner', 'create', NEW_PARTNER)),
    ).rejects.toThrow();
    const found = await send(
      sim,
      '/xmlrpc/2/object',
      executeKwBody(
        'res.partner',
        'search_count',
        '<value><array><data><value><array><data><value><string>name</string></value><value><string>=</string></value><value><string>Late</string></value></data></array></value></data></array></value>',
      ),
    );
    expect(found.body).toContain('<value><int>1</int></value>');
  });

  test('when latency is set, then each call takes at least that long', async () => {
    sim.controls.setLatency(120);
    const started = Date.now();
    await send(sim, '/xmlrpc/2/common', versionBody);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  test('when reset() is called, then seed data is back and failures, latency and log are cleared', async () => {
    await send(
      sim,
      '/xmlrpc/2/object',
      executeKwBody(
        'res.partner',
        'unlink',
        '<value><array><data><value><int>10</int></value></data></array></value>',
      ),
    );
    sim.controls.injectFailure({ kind: 'html' });
    sim.controls.setLatency(500);
    sim.controls.reset();
    expect(sim.controls.callLog()).toEqual([]);
    const started = Date.now();
    const answer = await send(
      sim,
      '/xmlrpc/2/object',
      executeKwBody(
        'res.partner',
        'read',
        '<value><array><data><value><int>10</int></value></data></array></value>',
      ),
    );
    expect(Date.now() - started).toBeLessThan(400);
    expect(answer.body).toContain('Azure Interior');
  });
});

describe('closing a simulator with a hanging call', () => {
  test('when close() is called while a call hangs, then it resolves and the client sees the socket end', async () => {
    const sim = await startSimulator({ seed: 'base', latencyMs: 0 });
    sim.controls.injectFailure({ kind: 'hang' });
    const pending = send(sim, '/xmlrpc/2/common', versionBody, 10_000);
    await new Promise((r) => setTimeout(r, 50));
    await sim.close();
    await expect(pending).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});
