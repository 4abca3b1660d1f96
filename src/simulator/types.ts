/** The simulator's public API (re-exported by index.ts); other parts of the project code against it. */

export interface SimulatorUser {
  login: string;
  password: string;
  uid: number;
  /** Accepted wherever the password is (authenticate and execute_kw), like an Odoo API key. */
  apiKey?: string;
}

export interface SimulatorOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default false: every response says `Connection: close`, like Odoo (werkzeug). */
  keepAlive?: boolean;
  /** Default 'demo'. 'base' = a fresh "base, no demo data" database (for transcript replay). */
  seed?: 'demo' | 'base';
  /** Default 'odoo'. */
  db?: string;
  /** Default [{ login: 'admin', password: 'admin', uid: 2 }]. */
  users?: SimulatorUser[];
  /** Added to every call. Default 0. */
  latencyMs?: number;
  /** Clock for lockouts and create/write dates. Default Date.now. */
  now?: () => number;
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

export interface SimulatorCall {
  service: 'common' | 'object';
  method: string;
  model?: string;
  modelMethod?: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

export interface SimulatorControls {
  setLatency(ms: number): void;
  /** null clears. `method` matches the model method (object calls) or the service method (common). */
  injectFailure(failure: FailureSpec | null): void;
  /** object-service calls and common calls, in order (the last 100 000). */
  callLog(): readonly SimulatorCall[];
  clearCallLog(): void;
  /** Seed data back; log, failures, latency and lockouts cleared. */
  reset(): void;
}

export interface RunningSimulator {
  /** http://127.0.0.1:PORT */
  url: string;
  db: string;
  username: string;
  password: string;
  controls: SimulatorControls;
  close(): Promise<void>;
}
