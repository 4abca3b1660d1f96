/**
 * The built-in Odoo simulator (17, 18 or 19): an HTTP server speaking Odoo's external API (XML-RPC,
 * JSON-RPC, the web client's session routes, and on 19 JSON-2) over in-memory models that behave
 * like Odoo's ORM where a sync client can tell the difference. Backend of the integration tests,
 * default upstream of `npm start` without ODOO_URL, and of the benchmarks.
 */
import type { AddressInfo } from 'node:net';
import { AuthService } from './auth';
import { ControlState } from './controls';
import { insideOdoo } from './inside-odoo';
import { Orm } from './orm/orm';
import { createSimulatorServer } from './http-server';
import { buildRegistry } from './models';
import { createRouter } from './router';
import { RpcDispatcher } from './rpc-dispatch';
import { buildSeededStore } from './seed';
import { SessionRoutes } from './session/session-routes';
import { SessionStore } from './session/session-store';
import type { RunningSimulator, SimulatorOptions, SimulatorUser } from './types';

export type {
  FailureSpec,
  OdooVersion,
  RunningSimulator,
  SimulatorCall,
  SimulatorControls,
  SimulatorOdoo,
  SimulatorOptions,
  SimulatorProtocol,
  SimulatorUser,
} from './types';

/** The main user's API key unless one is given: 40 hex characters, like Odoo's keys. */
export const DEFAULT_API_KEY = '5a1e0d0c0ffee5a1e0d0c0ffee5a1e0d0c0ffee0';

const DEFAULT_USERS: readonly SimulatorUser[] = [{ login: 'admin', password: 'admin', uid: 2 }];

function urlHostOf(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const given = options.users?.length ? options.users : DEFAULT_USERS;
  // The main user (uid 2, else the first) always has an API key, so tests can use JSON-2.
  const mainUid = (given.find((u) => u.uid === 2) ?? given[0]!).uid;
  const users = given.map((u) => (u.uid === mainUid && !u.apiKey ? { ...u, apiKey: DEFAULT_API_KEY } : u));
  const db = options.db ?? 'odoo';
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 'demo';
  const version = options.version ?? 18;
  const multiDb = options.multiDb ?? false;
  const host = options.host ?? '127.0.0.1';
  const registry = buildRegistry();
  let store = buildSeededStore(registry, seed, users, version);
  const auth = new AuthService(users, now);
  const sessions = new SessionStore();
  const main = users.find((u) => u.uid === 2) ?? users[0]!;
  const dispatcher = new RpcDispatcher({ version, db, auth, registry, store: () => store, now });
  const controls = new ControlState(options.latencyMs ?? 0, {
    reset: () => {
      store = buildSeededStore(registry, seed, users, version);
      auth.resetLockouts();
      sessions.forgetAll();
      sessions.resetCount();
    },
    expireSessions: () => sessions.expireAll(),
    forgetSessions: () => sessions.forgetAll(),
    sessionLogins: () => sessions.loginCount,
    setApiKey: (key, login) => auth.setApiKey(login ?? main.login, key),
    log: options.log,
    odoo: insideOdoo((at, work) => {
      const orm = new Orm(registry, store, main.uid, at ? () => at.getTime() : now);
      return store.transaction(() => work(orm));
    }),
  });
  const sessionRoutes = new SessionRoutes({ version, db, multiDb, dispatcher, auth, sessions, now });
  const route = createRouter({
    version,
    db,
    multiDb,
    dispatcher,
    auth,
    sessions: sessionRoutes,
    now,
    openAnonymousSession: () => sessions.open({ db: multiDb ? null : db, uid: null }),
  });
  const { server, shutdown } = createSimulatorServer({
    version,
    route,
    controls,
    keepAlive: options.keepAlive ?? false,
    statelessCallMs: multiDb ? (options.statelessCallMs ?? 0) : 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${urlHostOf(host)}:${port}`,
    db,
    username: main.login,
    password: main.password,
    get apiKey() {
      return auth.apiKeyOf(main.login) ?? '';
    },
    version,
    controls,
    close: shutdown,
  };
}
