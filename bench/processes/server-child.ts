/**
 * Runs an HTTP server (the gateway, or the minimal Express baseline) as a child process, so that its
 * resident memory and start-up time are its own, and its stdout (the gateway's info-level access
 * log) goes to /dev/null: written for every request, like in production, but not to a terminal.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { readRssMb } from './proc-status';

export interface ServerChildOptions {
  script: string;
  env: Record<string, string>;
  cwd: string;
  nodeArgs?: string[];
  /** Polled until it answers 2xx; default `/health`. */
  readyPath?: string;
  readyHeaders?: Record<string, string>;
  readyTimeoutMs?: number;
}

export interface ServerChild {
  url: string;
  pid: number;
  /** performance.now() when the process was spawned. */
  spawnedAt: number;
  /** Milliseconds from spawn to the first 2xx answer on readyPath. */
  readyMs: number;
  rssMb(): number | undefined;
  stop(): Promise<void>;
}

export async function startServerChild(options: ServerChildOptions): Promise<ServerChild> {
  const port = await freePort();
  const devNull = fs.openSync('/dev/null', 'w');
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script], {
    cwd: options.cwd,
    env: { ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', devNull, 'pipe'],
  });
  fs.closeSync(devNull);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(child, `${url}${options.readyPath ?? '/health'}`, options);
  } catch (error) {
    child.kill('SIGKILL');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${options.script} did not start: ${reason}${stderr ? `\n${stderr.trim()}` : ''}`, {
      cause: error,
    });
  }
  const readyMs = performance.now() - started;
  const pid = child.pid as number;
  return { url, pid, spawnedAt: started, readyMs, rssMb: () => readRssMb(pid), stop: () => stopChild(child) };
}

async function waitReady(child: ChildProcess, url: string, options: ServerChildOptions): Promise<void> {
  const deadline = performance.now() + (options.readyTimeoutMs ?? 30_000);
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { headers: options.readyHeaders });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('timed out waiting for the first answer');
}

/** SIGTERM (graceful: lets --cpu-prof write its profile), then SIGKILL if it hangs. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** A port that was free a moment ago (the child binds it right after). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
