/** The simulator's public API (re-exported by index.ts); other parts of the project code against it. */

export interface SimulatorUser {
  login: string;
  password: string;
  uid: number;
  /**
   * Accepted as the password of XML-RPC/JSON-RPC `authenticate` and `execute_kw` and as the bearer of
   * JSON-2, like an Odoo API key; refused by the interactive session login.
   */
  apiKey?: string;
  /** Two-factor authentication on: the session login refuses the user (API keys still work). */
  totp?: boolean;
  /**
   * Administrator rights (system parameters, changing companies). Default: uid 2 only; other users
   * are internal users who get Odoo's AccessError there.
   */
  admin?: boolean;
}

/** The Odoo major version the simulator speaks. */
export type OdooVersion = 17 | 18 | 19;

export interface SimulatorOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default false: every response says `Connection: close`, like Odoo (werkzeug). */
  keepAlive?: boolean;
  /**
   * Default 'demo'. 'base' = a fresh "base, no demo data" database (replays odoo-18.0.json);
   * 'contacts-demo' = what the recorded "contacts + demo data" databases of the version held
   * (replays odoo-18.0-session.json and odoo-19.0-json2.json).
   */
  seed?: 'demo' | 'base' | 'contacts-demo';
  /** Default 'odoo'. */
  db?: string;
  /** Default [{ login: 'admin', password: 'admin', uid: 2 }]. */
  users?: SimulatorUser[];
  /** Added to every call. Default 0. */
  latencyMs?: number;
  /** Clock for lockouts and create/write dates. Default Date.now. */
  now?: () => number;
  /** Default 18. 17/18: XML-RPC, JSON-RPC and session routes; 19 adds JSON-2 and deprecation warnings. */
  version?: OdooVersion;
  /**
   * Default false. True: the server hosts several databases (no db_name, no dbfilter), so a request
   * that names no database (no session, no `X-Odoo-Database`) cannot pick one: session routes answer
   * an HTML 404 instead of "Session Expired", JSON-2 an HTML 404 without the header.
   */
  multiDb?: boolean;
  /**
   * Default 0. Extra milliseconds paid by a call that does not fix its database (XML-RPC, /jsonrpc,
   * a session login) on a multi-database server: the fresh PostgreSQL connection Odoo opens to list
   * the databases. On 19 an `X-Odoo-Database` header avoids it; session calls with a cookie and
   * JSON-2 calls never pay it.
   */
  statelessCallMs?: number;
  /** Receives every line the simulated server logs (Odoo 19's deprecation warnings). */
  log?: (line: string) => void;
}

export type FailureSpec =
  | {
      kind: 'fault';
      code: number;
      message: string;
      model?: string;
      method?: string;
      times?: number;
      /** Run the call first, then answer the fault (the change is kept). */
      afterExecute?: boolean;
    }
  | {
      /** reset: destroy the socket unanswered; hang: never answer; html: an nginx-like HTTP 502 page. */
      kind: 'reset' | 'hang' | 'html';
      model?: string;
      method?: string;
      times?: number;
      /** Run the call first, then fail (the "timed out but the record was created" case). */
      afterExecute?: boolean;
    };

/** The wire a call came in on. */
export type SimulatorProtocol = 'xmlrpc' | 'jsonrpc' | 'session' | 'json2';

export interface SimulatorCall {
  /** Model method calls are 'object' on every protocol (session call_kw and JSON-2 included). */
  service: 'common' | 'object';
  protocol: SimulatorProtocol;
  method: string;
  model?: string;
  modelMethod?: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

/**
 * Changes made inside the simulated Odoo, not through its API (src/simulator/inside-odoo.ts); faults
 * (an unknown field, a missing record) are thrown as they are. Dates are stamped to the second.
 */
export interface SimulatorOdoo {
  /** The new records' ids. */
  create(model: string, valsList: readonly Record<string, unknown>[]): number[];
  write(model: string, ids: readonly number[], vals: Record<string, unknown>): void;
  /** `active = false`, as Odoo's Archive action. */
  archive(model: string, ids: readonly number[]): void;
  /** A create whose transaction started at `at` and commits now: create_date and write_date are `at`. */
  createAsOf(model: string, valsList: readonly Record<string, unknown>[], at: Date): number[];
  /** A write whose transaction started at `at` and commits now (a late commit): write_date is `at`. */
  writeAsOf(model: string, ids: readonly number[], vals: Record<string, unknown>, at: Date): void;
}

export interface SimulatorControls {
  /** Change records from inside Odoo (not through its API): for tests of what others change. */
  readonly odoo: SimulatorOdoo;
  setLatency(ms: number): void;
  /** null clears. `method` matches the model method (object calls) or the service method (common). */
  injectFailure(failure: FailureSpec | null): void;
  /** object-service calls and common calls, in order (the last 100 000). */
  callLog(): readonly SimulatorCall[];
  clearCallLog(): void;
  /** Seed data back; log, failures, latency, lockouts and sessions cleared. */
  reset(): void;
  /** Every session loses its user (later calls: "Odoo Session Expired", code 100). */
  expireSessions(): void;
  /** A server restart without a shared session store: every session is forgotten. */
  restart(): void;
  /** Successful `/web/session/authenticate` calls since the start (or the last reset). */
  sessionLogins(): number;
  /** Sets (or with null removes) the API key of a user (default: the main user, uid 2). */
  setApiKey(key: string | null, login?: string): void;
  /** The lines the server logged (Odoo 19 deprecation warnings), oldest first. */
  serverLog(): readonly string[];
  /** How many deprecation warnings were logged (one per XML-RPC or /jsonrpc call in 19 mode). */
  deprecationWarnings(): number;
}

export interface RunningSimulator {
  /** http://127.0.0.1:PORT */
  url: string;
  db: string;
  username: string;
  password: string;
  /** The main user's API key (option `users[].apiKey`, default a fixed 40-hex key). */
  apiKey: string;
  version: OdooVersion;
  controls: SimulatorControls;
  close(): Promise<void>;
}
