/**
 * The one seam between the gateway and Odoo. Everything Odoo-specific (uid, password on every call,
 * faults, wire protocols) stays behind this interface; the HTTP layer and the mapping layer only see
 * `executeKw` and typed GatewayErrors (see classify-fault.ts).
 */
export interface OdooVersionInfo {
  server_version: string;
  server_version_info: unknown[];
  server_serie?: string;
  protocol_version?: number;
}

export type OdooCallOutcome = 'ok' | 'fault' | 'timeout' | 'unavailable' | 'bad_reply';

export interface OdooCallInfo {
  /**
   * `common` / `object`: the XML-RPC and JSON-RPC services (logins are `common`); `session`: the web
   * client's session routes (login and call_kw); `json2`: Odoo 19's JSON-2 API.
   */
  service: 'common' | 'object' | 'session' | 'json2';
  model: string | null;
  method: string;
  ms: number;
  outcome: OdooCallOutcome;
}

/** Told about every call so that metrics and per-request call counts need no hooks inside transports. */
export interface OdooCallObserver {
  onQueueChange?(inFlight: number, queued: number): void;
  onCallEnd?(info: OdooCallInfo): void;
}

export interface OdooCallOptions {
  /** Overrides the configured read timeout for this call. */
  timeoutMs?: number;
  /**
   * True for calls that change nothing (search_read, read, fields_get...). Such a call may be retried
   * once after a connection error; a write never is, unless the request provably never left.
   */
  readOnly?: boolean;
}

/** The wire protocols the gateway can speak to Odoo. */
export type OdooProtocol = 'xmlrpc' | 'jsonrpc' | 'session' | 'json2';

/** What the client settled on when it first reached Odoo: the server's version and the protocol in use. */
export interface OdooConnectionInfo {
  protocol: OdooProtocol;
  /** Why this protocol: "set in gateway.yaml", or the reason `auto` chose it. */
  reason: string;
  /** `server_version` as Odoo reports it, e.g. "18.0" or "saas~17.4". */
  serverVersion: string;
  /** The major version (18 for "18.0" and "saas~18.2"): read plans depend on it (web_search_read is 17+). */
  serverMajor: number;
}

export interface OdooClient {
  /** The configured protocol (`auto` until the first connection settles it; see `connection()`). */
  readonly protocol: OdooProtocol | 'auto';
  /**
   * Reaches Odoo once (version, and for `auto` the protocol probe) and caches the answer; later calls
   * make no Odoo call. A failure is not cached: the next call tries again.
   */
  connection(): Promise<OdooConnectionInfo>;
  /** `common.version()`; needs no login. */
  version(): Promise<OdooVersionInfo>;
  /** Logs in once and caches the uid; later calls reuse it. */
  authenticate(): Promise<number>;
  /** `object.execute_kw(db, uid, password, model, method, args, kwargs)`. */
  executeKw<T = unknown>(
    model: string,
    method: string,
    args: unknown[],
    kwargs?: Record<string, unknown>,
    options?: OdooCallOptions,
  ): Promise<T>;
  /** Calls in flight and waiting for a slot. */
  load(): { inFlight: number; queued: number };
  /** Frees sockets (keep-alive agents); the client is unusable afterwards. */
  close(): Promise<void>;
}

export interface OdooConnectionSettings {
  url: string;
  db: string;
  username: string;
  password: string;
  timeoutMs: number;
  connectTimeoutMs: number;
  maxConcurrency: number;
}
