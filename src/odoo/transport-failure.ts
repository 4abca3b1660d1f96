import { QueueTimeoutError } from './call-limiter';
import { OdooError, OdooTimeoutError, OdooUnavailableError } from '../errors/errors';
import { GatewayError } from '../errors/gateway-error';

/**
 * Why an HTTP exchange with Odoo failed below the RPC layer. `neverSent` is true only when the
 * failure proves Odoo cannot have seen the request (nothing was connected, so nothing was written).
 */
export type FailureKind =
  | 'refused'
  | 'dns'
  | 'unreachable'
  | 'tls'
  | 'connect_timeout'
  | 'read_timeout'
  | 'reset'
  | 'too_large'
  | 'closed'
  | 'network';

const NEVER_SENT: ReadonlySet<FailureKind> = new Set([
  'refused',
  'dns',
  'unreachable',
  'tls',
  'connect_timeout',
]);

export class TransportFailure extends Error {
  readonly neverSent: boolean;

  constructor(
    readonly kind: FailureKind,
    /** Node's error code (ECONNREFUSED...) when there is one: safe to log, holds no host or secret. */
    readonly errorCode?: string,
  ) {
    super(`Odoo transport failure: ${kind}${errorCode ? ` (${errorCode})` : ''}`);
    this.name = 'TransportFailure';
    this.neverSent = NEVER_SENT.has(kind);
  }
}

const CODE_KINDS: Readonly<Record<string, FailureKind>> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
};

/** Maps a Node socket/TLS error to a failure kind; `connected` tells whether the socket ever connected. */
export function failureFromNodeError(error: unknown, connected: boolean): TransportFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const errorCode = typeof code === 'string' ? code : undefined;
  const kind = errorCode ? CODE_KINDS[errorCode] : undefined;
  if (kind) return new TransportFailure(kind, errorCode);
  if (errorCode && /^(?:ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(errorCode)) {
    return new TransportFailure('tls', errorCode);
  }
  return new TransportFailure(connected ? 'reset' : 'network', errorCode);
}

/**
 * True when the error proves the request never reached Odoo (connection refused, DNS failure,
 * connect timeout...), so even a write may be sent again without risk of applying it twice.
 */
export function neverReachedOdoo(error: unknown): boolean {
  if (error instanceof TransportFailure) return error.neverSent;
  if (error instanceof QueueTimeoutError) return true;
  if (!(error instanceof GatewayError)) return false;
  const cause = error.cause;
  return (cause instanceof TransportFailure && cause.neverSent) || cause instanceof QueueTimeoutError;
}

const UNKNOWN_OUTCOME =
  'the change may or may not have been applied. Retrying with the same Idempotency-Key is safe.';

/** The caller-facing error for a transport failure; `readOnly` decides whether to warn about an unknown outcome. */
export function transportFailureToError(
  failure: TransportFailure,
  timing: { timeoutMs: number; connectTimeoutMs: number },
  readOnly: boolean,
): GatewayError {
  const cause = { cause: failure };
  switch (failure.kind) {
    case 'read_timeout':
      return new OdooTimeoutError(
        readOnly
          ? `Odoo did not answer within ${timing.timeoutMs} ms`
          : `Odoo did not answer within ${timing.timeoutMs} ms; ${UNKNOWN_OUTCOME}`,
        cause,
      );
    case 'connect_timeout':
      return new OdooTimeoutError(
        `Could not connect to Odoo within ${timing.connectTimeoutMs} ms; nothing was sent`,
        cause,
      );
    case 'refused':
      return new OdooUnavailableError('Odoo is not reachable (connection refused)', cause);
    case 'dns':
      return new OdooUnavailableError(
        'Odoo is not reachable (its host name does not resolve; check ODOO_URL)',
        cause,
      );
    case 'unreachable':
      return new OdooUnavailableError('Odoo is not reachable (no route to its host)', cause);
    case 'tls':
      return new OdooUnavailableError(
        `Odoo's TLS connection failed (${failure.errorCode ?? 'handshake'})`,
        cause,
      );
    case 'closed':
      return new OdooUnavailableError('The Odoo client is shutting down', cause);
    case 'too_large':
      return new OdooError("Odoo's reply was larger than the gateway accepts", cause);
    default:
      return new OdooUnavailableError(
        readOnly
          ? 'Odoo closed the connection without answering'
          : `Odoo closed the connection without answering; ${UNKNOWN_OUTCOME}`,
        cause,
      );
  }
}
