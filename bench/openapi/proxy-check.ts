/**
 * `npm run openapi:proxy-check`: the gateway (shipped config/, built-in simulator, memory store)
 * behind Prism as a validating proxy, driven through the realistic client session of
 * client-session.ts. Prism reports every request or answer that breaks the served openapi.json in the
 * `sl-violations` header; the check prints them and exits 1 on any about an answer. Violations of a
 * request are printed only: the session sends some bad requests on purpose (`limit=abc`, no token). Prism is not a dependency of the
 * project: it is run with `npx --yes @stoplight/prism-cli@5.16.0` (213 packages, 74 MB, first run
 * downloads them). Not part of `npm test`; tests/integration/openapi-responses.test.ts checks the same
 * session with ajv.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness } from '../../tests/integration/support/gateway-harness';
import { freePort } from '../../tests/integration/support/waiting';
import { SESSION_AUTH, SessionCall, runClientSession } from './client-session';

const PRISM = '@stoplight/prism-cli@5.16.0';

async function waitForPrism(url: string, prism: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (prism.exitCode !== null) throw new Error(`Prism exited with code ${prism.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('Prism did not start within 2 minutes');
}

async function main(): Promise<number> {
  const harness = await startHarness({ configPath: path.resolve('config/gateway.yaml') }); // npm runs it from the repository root;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prism-check-'));
  let prism: ChildProcess | undefined;
  try {
    // The served spec knows Odoo's field types once the models were read once.
    await fetch(`${harness.url}/bj_api_sync/v1/customers?limit=1`, { headers: SESSION_AUTH });
    const spec = await (await fetch(`${harness.url}/bj_api_sync/v1/openapi.json`)).json();
    const specPath = path.join(dir, 'openapi.json');
    fs.writeFileSync(specPath, JSON.stringify(spec));
    const port = await freePort();
    prism = spawn(
      'npx',
      ['--yes', PRISM, 'proxy', specPath, harness.url, '--port', String(port), '--host', '127.0.0.1'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
        // Its own process group: npx starts Prism as a child, and both must end with the check.
        detached: true,
        env: { ...process.env, SCARF_ANALYTICS: 'false' },
      },
    );
    const base = `http://127.0.0.1:${port}`;
    await waitForPrism(base, prism);
    const violations: string[] = [];
    let calls = 0;
    const call: SessionCall = async (method, url, options = {}) => {
      const headers: Record<string, string> = { ...(options.headers ?? SESSION_AUTH) };
      if (options.body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await fetch(`${base}${url}`, {
        method: method.toUpperCase(),
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      calls++;
      const found = JSON.parse(res.headers.get('sl-violations') ?? '[]') as Array<{ location: string[] }>;
      const line = `${method.toUpperCase()} ${url} → ${res.status}`;
      const ofAnswer = found.filter((violation) => violation.location[0] === 'response');
      console.log(found.length > 0 ? `${line}  violations: ${JSON.stringify(found)}` : line);
      if (ofAnswer.length > 0) violations.push(line);
      return res.text();
    };
    await runClientSession(call);
    console.log(
      `\n${calls} requests through Prism ${PRISM} (proxy): ${violations.length} answers violate the spec`,
    );
    return violations.length === 0 ? 0 : 1;
  } finally {
    if (prism?.pid !== undefined && prism.exitCode === null) process.kill(-prism.pid, 'SIGTERM');
    await harness.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
