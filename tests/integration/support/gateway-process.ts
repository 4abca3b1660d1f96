/**
 * A gateway as its own `node` process (src/index.ts, transpiled on load by ts-require-hook.js: no
 * build needed), configured by environment variables only, as production runs it. Resolves once the
 * process logs its URL; `kill()` sends a signal and waits for the exit.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './gateway-harness';

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, for a failing test to show. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const HOOK = path.join(REPO_ROOT, 'tests/support/ts-require-hook.js');
const ENTRY = path.join(REPO_ROOT, 'src/index.ts');

export function startGatewayProcess(
  env: Record<string, string>,
  startTimeoutMs = 120_000,
): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['-r', HOOK, ENTRY], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill('SIGKILL');
      reject(new Error(`gateway process did not start in ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const url =
        /"message":"gateway listening"[^\n]*?"url":"([^"]+)"|"url":"([^"]+)"[^\n]*"message":"gateway listening"/.exec(
          output,
        );
      if (!url) return;
      clearTimeout(timer);
      resolve({ url: (url[1] ?? url[2]) as string, child, output: () => output, kill });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`gateway process exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}
