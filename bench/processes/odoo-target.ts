/**
 * What the rows run against: the built-in simulator in a child process (latency control and a call
 * log), or a real Odoo given on the command line (neither; calls are counted on the client side).
 */
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { CallTally, tallyOf } from '../odoo/call-tally';
import type { OdooConnection } from '../odoo/odoo-exec';
import type { SimulatorReply, SimulatorRequest } from './simulator-protocol';

/** The simulator keeps the last 100 000 calls; a count that reaches this is a lower bound. */
export const SIMULATOR_LOG_CAP = 100_000;

export interface OdooTarget {
  readonly connection: OdooConnection;
  readonly simulated: boolean;
  setLatency(ms: number): Promise<void>;
  /** Calls since the last clear, or undefined when Odoo keeps no log we can read (a real Odoo). */
  calls(): Promise<CallTally | undefined>;
  clearCalls(): Promise<void>;
  close(): Promise<void>;
}

export function realOdooTarget(connection: OdooConnection): OdooTarget {
  return {
    connection,
    simulated: false,
    setLatency: async () => undefined,
    calls: async () => undefined,
    clearCalls: async () => undefined,
    close: async () => undefined,
  };
}

type Request = SimulatorRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** The Odoo the simulator plays; default: Odoo 18 on a server with one database. */
export interface SimulatedOdoo {
  version?: 17 | 18 | 19;
  multiDb?: boolean;
  /** Extra cost of a stateless call on a multi-database server (see src/simulator/README.md). */
  statelessCallMs?: number;
}

export async function startSimulatorTarget(latencyMs: number, odoo: SimulatedOdoo = {}): Promise<OdooTarget> {
  const child = fork(path.join(__dirname, 'simulator-child.js'), [], {
    env: {
      ...process.env,
      BENCH_SIM_LATENCY_MS: String(latencyMs),
      BENCH_SIM_VERSION: String(odoo.version ?? 18),
      BENCH_SIM_MULTI_DB: String(odoo.multiDb ?? false),
      BENCH_SIM_STATELESS_MS: String(odoo.statelessCallMs ?? 0),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (reply: SimulatorReply) => void>();
  let nextId = 1;
  const ready = new Promise<SimulatorReply>((resolve, reject) => {
    pending.set(0, resolve);
    child.once('exit', (code) => reject(new Error(`the simulator child exited (${String(code)})`)));
  });
  child.on('message', (reply: SimulatorReply) => {
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  const send = (request: Request): Promise<SimulatorReply> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ ...request, id });
    });
  const { ready: info } = await ready;
  if (!info) throw new Error('the simulator child did not say where it listens');
  return {
    connection: info,
    simulated: true,
    setLatency: async (ms) => void (await send({ cmd: 'latency', ms })),
    calls: async () => tallyOf((await send({ cmd: 'log' })).kinds ?? []),
    clearCalls: async () => void (await send({ cmd: 'clear' })),
    close: () => stopChild(child, () => send({ cmd: 'stop' })),
  };
}

async function stopChild(child: ChildProcess, stop: () => Promise<unknown>): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([stop(), new Promise((resolve) => setTimeout(resolve, 3000))]);
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
