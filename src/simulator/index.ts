/**
 * The built-in Odoo 18 simulator: an HTTP server speaking Odoo's external API (XML-RPC and JSON-RPC)
 * over in-memory models that behave like Odoo's ORM where a sync client can tell the difference.
 * Backend of the integration tests, default upstream of `npm start` without ODOO_URL, and of benchmarks.
 */
import type { AddressInfo } from 'node:net';
import { AuthService } from './auth';
import { ControlState } from './controls';
import { createSimulatorServer } from './http-server';
import { buildRegistry } from './models';
import { RpcDispatcher } from './rpc-dispatch';
import { buildSeededStore } from './seed';
import type { RunningSimulator, SimulatorOptions, SimulatorUser } from './types';

export type {
  FailureSpec,
  RunningSimulator,
  SimulatorCall,
  SimulatorControls,
  SimulatorOptions,
  SimulatorUser,
} from './types';

const DEFAULT_USERS: readonly SimulatorUser[] = [{ login: 'admin', password: 'admin', uid: 2 }];

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const users = options.users?.length ? options.users : DEFAULT_USERS;
  const db = options.db ?? 'odoo';
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 'demo';
  const host = options.host ?? '127.0.0.1';
  const registry = buildRegistry();
  let store = buildSeededStore(registry, seed, users);
  const auth = new AuthService(users, now);
  const dispatcher = new RpcDispatcher({ db, auth, registry, store: () => store, now });
  const controls = new ControlState(options.latencyMs ?? 0, () => {
    store = buildSeededStore(registry, seed, users);
    auth.resetLockouts();
  });
  const { server, shutdown } = createSimulatorServer({
    dispatcher,
    controls,
    keepAlive: options.keepAlive ?? false,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const main = users.find((u) => u.uid === 2) ?? users[0]!;
  return {
    url: `http://${urlHost}:${port}`,
    db,
    username: main.login,
    password: main.password,
    controls,
    close: shutdown,
  };
}
