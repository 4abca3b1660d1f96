/**
 * Odoo's `dispatch_rpc`: the `common`, `object` and `db` services, with the checks `execute_kw` makes
 * before any model code runs (database, uid, password or API key, private method, model). Each
 * object call runs in its own transaction.
 */
import { checkAccess } from './access';
import type { AuthService } from './auth';
import { accessDenied, missingError, OdooFault, typeError, unknownDatabase } from './orm/faults';
import { callModelMethod, checkMethodName } from './orm/model-methods';
import { Orm, OrmCaches } from './orm/orm';
import type { Registry } from './orm/registry';
import type { Store } from './orm/store';
import { adaptFault } from './dialect';
import type { OdooVersion, SimulatorCall } from './types';
import { versionInfo } from './versions';

export interface DispatchDeps {
  version: OdooVersion;
  db: string;
  auth: AuthService;
  registry: Registry;
  store: () => Store;
  now: () => number;
}

const keyError = (key: string): OdooFault => new OdooFault(1, 'builtins.KeyError', `'${key}'`);

export class RpcDispatcher {
  private readonly caches = new OrmCaches();

  constructor(private readonly deps: DispatchDeps) {}

  /** What the call log records; the password never appears in it. */
  describe(service: string, method: string, args: unknown[]): Omit<SimulatorCall, 'protocol'> {
    if (service === 'object') {
      const [, , , model, modelMethod] = args;
      const execArgs = method === 'execute_kw' ? args[5] : args.slice(5);
      const kwargs = method === 'execute_kw' ? args[6] : undefined;
      return {
        service: 'object',
        method,
        model: typeof model === 'string' ? model : undefined,
        modelMethod: typeof modelMethod === 'string' ? modelMethod : undefined,
        args: Array.isArray(execArgs) ? execArgs : [],
        kwargs: kwargs && typeof kwargs === 'object' ? (kwargs as Record<string, unknown>) : {},
      };
    }
    const redacted =
      method === 'authenticate' || method === 'login' ? args.map((a, k) => (k === 2 ? '***' : a)) : args;
    return { service: 'common', method, args: redacted, kwargs: {} };
  }

  dispatch(service: string, method: string, args: unknown[]): unknown {
    switch (service) {
      case 'common':
        return this.common(method, args);
      case 'object':
        return this.object(method, args);
      case 'db':
        return this.dbService(method);
      default:
        throw keyError(service);
    }
  }

  private common(method: string, args: unknown[]): unknown {
    switch (method) {
      case 'version':
        return versionInfo(this.deps.version);
      case 'about':
        return 'See http://openerp.com';
      case 'login':
      case 'authenticate': {
        const needed = method === 'login' ? 3 : 4;
        if (args.length !== needed) {
          throw typeError(
            `exp_${method}() takes ${needed} positional arguments but ${args.length} were given`,
          );
        }
        const [db, login, password] = args;
        this.checkDb(db);
        return this.deps.auth.authenticate(login, password);
      }
      default:
        throw keyError(`exp_${method}`);
    }
  }

  private dbService(method: string): unknown {
    if (method === 'list') return [this.deps.db];
    if (method === 'server_version') return versionInfo(this.deps.version).server_version;
    throw keyError(`exp_${method}`);
  }

  checkDb(db: unknown): void {
    if (db !== this.deps.db) throw unknownDatabase(String(db));
  }

  private object(method: string, params: unknown[]): unknown {
    if (method !== 'execute_kw' && method !== 'execute') {
      throw new OdooFault(1, 'builtins.NameError', `Method not available ${method}`);
    }
    const [db, uid, password, model, modelMethod] = params;
    this.checkDb(db);
    this.checkUser(uid, password);
    const args = method === 'execute_kw' ? (params[5] ?? []) : params.slice(5);
    const kwargs = method === 'execute_kw' ? (params[6] ?? {}) : {};
    if (!Array.isArray(args) || typeof kwargs !== 'object' || kwargs === null || Array.isArray(kwargs)) {
      throw typeError('execute_kw() expects a list of arguments and a dict of keyword arguments');
    }
    return this.execute(
      uid as number,
      String(model),
      String(modelMethod),
      args,
      kwargs as Record<string, unknown>,
    );
  }

  /** One model method call by an authenticated user, in its own transaction (`call_kw`). */
  execute(
    uid: number,
    model: string,
    method: string,
    args: unknown[],
    kwargs: Record<string, unknown>,
  ): unknown {
    return this.runAs(uid, model, (orm) => {
      checkMethodName(method);
      const modelDef = orm.model(model);
      this.checkAccess(uid, model, method);
      return callModelMethod(orm, modelDef, method, args, kwargs);
    });
  }

  /** The AccessError a user without administrator rights gets on a guarded model. */
  checkAccess(uid: number, model: string, method: string): void {
    checkAccess(this.deps.version, this.deps.auth.isAdmin(uid), model, method);
  }

  /** Runs `work` as `uid` in one transaction; faults come out in the server version's words. */
  runAs(uid: number, model: string, work: (orm: Orm) => unknown): unknown {
    const store = this.deps.store();
    const orm = new Orm(this.deps.registry, store, uid, this.deps.now, {}, this.caches);
    try {
      return store.transaction(() => work(orm));
    } catch (err) {
      throw err instanceof OdooFault ? adaptFault(this.deps.version, err, model) : err;
    }
  }

  get registry(): Registry {
    return this.deps.registry;
  }

  hasModel(model: string): boolean {
    return this.deps.registry.get(model) !== undefined;
  }

  private checkUser(uid: unknown, password: unknown): void {
    const result = this.deps.auth.check(uid, password);
    if (result === 'ok') return;
    const known = typeof uid === 'number' && this.deps.store().get('res.users', uid) !== undefined;
    if (result === 'no-such-user' && typeof uid === 'number' && !known)
      throw missingError('res.users', [uid], uid);
    throw accessDenied();
  }
}
