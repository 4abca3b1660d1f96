import { OdooError, OdooUnavailableError } from '../errors/errors';
import { GatewayError } from '../errors/gateway-error';
import { EXPLICIT_REASON } from './auto-protocol';
import { CallLimiter, LimiterClosedError, QueueTimeoutError } from './call-limiter';
import { classifyFault, isAccessDenied, LOGIN_REFUSED_MESSAGE } from './classify-fault';
import { Login, LoginSession } from './login-session';
import type {
  OdooCallInfo,
  OdooCallObserver,
  OdooCallOptions,
  OdooCallOutcome,
  OdooClient,
  OdooConnectionInfo,
  OdooConnectionSettings,
  OdooProtocol,
  OdooVersionInfo,
} from './odoo-client';
import { OdooFault, OdooService, RpcCallTiming, RpcTransport } from './rpc-transport';
import { TransportFailure, transportFailureToError } from './transport-failure';

/**
 * OdooClient over any RpcTransport: the login and its renewal, the concurrency bound, retries,
 * observation and error classification, written once for XML-RPC and JSON-RPC alike.
 */
export interface RpcOdooClientOptions {
  protocol: OdooProtocol;
  transport: RpcTransport;
  settings: OdooConnectionSettings;
  observer?: OdooCallObserver;
  /** Frees the transport's sockets. */
  onClose?: () => void;
  /** How long a refused login is answered from memory before Odoo is asked again. */
  loginPauseMs?: number;
  /** Pause before the one retry after a connection error. */
  retryDelayMs?: number;
}

interface CallLabel {
  service: OdooService;
  model: string | null;
  method: string;
}

export class RpcOdooClient implements OdooClient {
  readonly protocol: OdooProtocol;
  private readonly settings: OdooConnectionSettings;
  private readonly transport: RpcTransport;
  private readonly observer: OdooCallObserver;
  private readonly limiter: CallLimiter;
  private readonly session: LoginSession;
  private readonly retryDelayMs: number;
  private connectionInfo?: Promise<OdooConnectionInfo>;

  constructor(private readonly options: RpcOdooClientOptions) {
    this.protocol = options.protocol;
    this.settings = options.settings;
    this.transport = options.transport;
    this.observer = options.observer ?? {};
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.limiter = new CallLimiter(this.settings.maxConcurrency, (inFlight, queued) =>
      this.observer.onQueueChange?.(inFlight, queued),
    );
    // Odoo locks a login (per address) after 5 failures within 60 s: 15 s between attempts stays at 4 a minute.
    this.session = new LoginSession(() => this.login(), options.loginPauseMs ?? 15_000);
  }

  async version(): Promise<OdooVersionInfo> {
    const label: CallLabel = { service: 'common', model: null, method: 'version' };
    return (await this.send(label, 'version', [], true, this.timing())) as OdooVersionInfo;
  }

  connection(): Promise<OdooConnectionInfo> {
    this.connectionInfo ??= this.version().then(
      (info) => ({
        protocol: this.protocol,
        reason: EXPLICIT_REASON,
        serverVersion: info.server_version,
        serverMajor: majorVersion(info),
      }),
      (error: unknown) => {
        this.connectionInfo = undefined;
        throw error;
      },
    );
    return this.connectionInfo;
  }

  async authenticate(): Promise<number> {
    return (await this.session.current()).uid;
  }

  async executeKw<T = unknown>(
    model: string,
    method: string,
    args: unknown[],
    kwargs: Record<string, unknown> = {},
    options: OdooCallOptions = {},
  ): Promise<T> {
    const readOnly = options.readOnly ?? false;
    const timing = this.timing(options.timeoutMs);
    const label: CallLabel = { service: 'object', model, method };
    const { db, password } = this.settings;
    const run = (login: Login) =>
      this.send(
        label,
        'execute_kw',
        [db, login.uid, password, model, method, args, kwargs],
        readOnly,
        timing,
      );

    const login = await this.session.current();
    try {
      return (await run(login)) as T;
    } catch (error) {
      // AccessDenied: the password changed or the uid went stale. Log in again once, retry once;
      // a second AccessDenied is reported, never looped on (Odoo locks out repeated failed logins).
      if (!(error instanceof OdooFault && isAccessDenied(error))) throw error;
    }
    const renewed = await this.session.renew(login);
    try {
      return (await run(renewed)) as T;
    } catch (error) {
      throw error instanceof OdooFault ? classifyFault(error, [password]) : error;
    }
  }

  load(): { inFlight: number; queued: number } {
    return this.limiter.load();
  }

  async close(): Promise<void> {
    this.limiter.close();
    this.options.onClose?.();
  }

  private async login(): Promise<number> {
    const { db, username, password } = this.settings;
    const label: CallLabel = {
      service: 'common',
      ...(this.transport.loginCall ?? { model: null, method: 'authenticate' }),
    };
    const uid = await this.send(label, 'authenticate', [db, username, password, {}], true, this.timing());
    if (isUid(uid)) return uid;
    throw new OdooUnavailableError(LOGIN_REFUSED_MESSAGE);
  }

  /** One call with its one permitted retry; rejects with a GatewayError, or the raw OdooFault for AccessDenied. */
  private async send(
    label: CallLabel,
    method: string,
    params: unknown[],
    readOnly: boolean,
    timing: RpcCallTiming,
  ): Promise<unknown> {
    try {
      try {
        return await this.attempt(label, method, params, timing);
      } catch (error) {
        if (!(error instanceof TransportFailure && mayRetry(error, readOnly))) throw error;
        await delay(this.retryDelayMs);
        return await this.attempt(label, method, params, timing);
      }
    } catch (error) {
      if (error instanceof OdooFault && isAccessDenied(error) && label.service === 'object') throw error;
      throw this.toGatewayError(error, readOnly, timing);
    }
  }

  private attempt(
    label: CallLabel,
    method: string,
    params: unknown[],
    timing: RpcCallTiming,
  ): Promise<unknown> {
    // Waiting for a slot counts against the same budget as the call: the call gets what the wait left.
    return this.limiter.run(async (waitedMs) => {
      const started = performance.now();
      let outcome: OdooCallOutcome = 'ok';
      const remaining = { ...timing, timeoutMs: Math.max(1, Math.round(timing.timeoutMs - waitedMs)) };
      try {
        const result = await this.transport.call(label.service, method, params, remaining);
        // Odoo answers a refused login with `false`, not a fault: metrics must not count it as ok.
        if (method === 'authenticate' && !isUid(result)) outcome = 'fault';
        return result;
      } catch (error) {
        outcome = outcomeOf(error);
        throw error;
      } finally {
        const service = this.transport.observedAs ?? label.service;
        this.report({ ...label, service, ms: performance.now() - started, outcome });
      }
    }, timing.timeoutMs);
  }

  private toGatewayError(error: unknown, readOnly: boolean, timing: RpcCallTiming): GatewayError {
    if (error instanceof OdooFault) return classifyFault(error, [this.settings.password]);
    if (error instanceof TransportFailure) return transportFailureToError(error, timing, readOnly);
    if (error instanceof LimiterClosedError) return new OdooUnavailableError('The Odoo client is closed');
    if (error instanceof QueueTimeoutError) {
      return new OdooUnavailableError(
        error.queueFull
          ? 'The gateway has too many Odoo calls waiting; nothing was sent. Retry later.'
          : `All Odoo connections stayed busy for ${error.waitedMs} ms; nothing was sent. Retry later.`,
        { cause: error },
      );
    }
    if (error instanceof GatewayError) return error;
    return new OdooError('Unexpected failure while talking to Odoo');
  }

  private timing(timeoutMs?: number): RpcCallTiming {
    return {
      timeoutMs: timeoutMs ?? this.settings.timeoutMs,
      connectTimeoutMs: this.settings.connectTimeoutMs,
    };
  }

  private report(info: OdooCallInfo): void {
    try {
      this.observer.onCallEnd?.(info);
    } catch {
      // A metrics callback must never break an Odoo call.
    }
  }
}

function isUid(value: unknown): value is number {
  return typeof value === 'number' && value > 0;
}

/** Refused / connect timeout: Odoo never saw the request, any call may go again. A reset only for reads. */
function mayRetry(failure: TransportFailure, readOnly: boolean): boolean {
  if (failure.kind === 'refused' || failure.kind === 'connect_timeout') return true;
  return readOnly && failure.kind === 'reset';
}

function outcomeOf(error: unknown): OdooCallOutcome {
  if (error instanceof OdooFault) return 'fault';
  if (error instanceof TransportFailure) {
    if (error.kind === 'read_timeout' || error.kind === 'connect_timeout') return 'timeout';
    return error.kind === 'too_large' ? 'bad_reply' : 'unavailable';
  }
  return 'bad_reply';
}

/** 18 for `[18, 0, 0, 'final', 0, '']`, and for "saas~18.2" when the info list is missing. */
export function majorVersion(info: OdooVersionInfo): number {
  const first = info.server_version_info[0];
  if (typeof first === 'number') return first;
  const match = /(\d+)/.exec(info.server_version);
  return match ? Number(match[1]) : 0;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
