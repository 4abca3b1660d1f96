import { OdooUnavailableError } from '../errors/errors';
import { GatewayError } from '../errors/gateway-error';
import { acceptedReason, autoCandidates, fallbackReason, ProbedProtocol } from './auto-protocol';
import type {
  OdooCallOptions,
  OdooClient,
  OdooConnectionInfo,
  OdooProtocol,
  OdooVersionInfo,
} from './odoo-client';
import { majorVersion } from './rpc-odoo-client';
import { TransportFailure } from './transport-failure';

/**
 * `protocol: auto`: on the first `connection()` (or the first call, which waits for it) reads the
 * server's version, probes the faster protocols that version offers (auto-protocol.ts) with the
 * client's own login, and from then on hands every call to the client that was accepted. The probe
 * costs at most one session login per start, and a refused one is never tried again: Odoo locks a
 * login out after 5 failures within 60 s.
 */
export type ClientFactory = (protocol: OdooProtocol) => OdooClient;

interface Settled {
  client: OdooClient;
  info: OdooConnectionInfo;
}

export class AutoOdooClient implements OdooClient {
  private readonly built = new Map<OdooProtocol, OdooClient>();
  /** Refusals survive a failed attempt (e.g. Odoo went away mid-probe): each probe login happens once. */
  private readonly refusals: Partial<Record<ProbedProtocol, string>> = {};
  private settling: Promise<Settled> | undefined;
  private settled: Settled | undefined;
  private closed = false;

  constructor(
    private readonly build: ClientFactory,
    private readonly onClose: () => void,
  ) {}

  get protocol(): OdooProtocol | 'auto' {
    return this.settled?.info.protocol ?? 'auto';
  }

  async connection(): Promise<OdooConnectionInfo> {
    return (await this.settle()).info;
  }

  async version(): Promise<OdooVersionInfo> {
    return (await this.settle()).client.version();
  }

  async authenticate(): Promise<number> {
    return (await this.settle()).client.authenticate();
  }

  async executeKw<T = unknown>(
    model: string,
    method: string,
    args: unknown[],
    kwargs?: Record<string, unknown>,
    options?: OdooCallOptions,
  ): Promise<T> {
    return (await this.settle()).client.executeKw<T>(model, method, args, kwargs, options);
  }

  load(): { inFlight: number; queued: number } {
    return this.settled?.client.load() ?? { inFlight: 0, queued: 0 };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.built.values()].map((client) => client.close()));
    this.onClose();
  }

  /** One probe at a time; a failure (Odoo unreachable) is not cached, the next call tries again. */
  private settle(): Promise<Settled> {
    if (this.settled) return Promise.resolve(this.settled);
    if (this.closed) return Promise.reject(new OdooUnavailableError('The Odoo client is closed'));
    this.settling ??= this.probe().then(
      (settled) => (this.settled = settled),
      (error: unknown) => {
        this.settling = undefined;
        throw error;
      },
    );
    return this.settling;
  }

  private async probe(): Promise<Settled> {
    const version = await this.readVersion();
    const serverVersion = version.server_version;
    const serverMajor = majorVersion(version);
    for (const protocol of autoCandidates(serverMajor)) {
      if (this.refusals[protocol] !== undefined) continue;
      const client = this.client(protocol);
      try {
        await client.authenticate();
        return {
          client,
          info: { protocol, reason: acceptedReason(protocol, serverVersion), serverVersion, serverMajor },
        };
      } catch (error) {
        if (isTransportProblem(error)) throw error;
        this.refusals[protocol] = refusalText(error);
      }
    }
    const reason = fallbackReason(serverVersion, serverMajor, this.refusals);
    return {
      client: this.client('xmlrpc'),
      info: { protocol: 'xmlrpc', reason, serverVersion, serverMajor },
    };
  }

  /**
   * The web client's version_info (every Odoo the gateway speaks to; Odoo 22 has no XML-RPC), else
   * XML-RPC `common.version` (a proxy that only lets /xmlrpc through). Not XML-RPC first: Odoo 19
   * logs a deprecation warning for every XML-RPC call, and a gateway on JSON-2 should cause none.
   */
  private async readVersion(): Promise<OdooVersionInfo> {
    try {
      return await this.client('session').version();
    } catch (error) {
      if (isTransportProblem(error)) throw error;
      try {
        return await this.client('xmlrpc').version();
      } catch {
        throw error;
      }
    }
  }

  private client(protocol: OdooProtocol): OdooClient {
    let client = this.built.get(protocol);
    if (!client) {
      client = this.build(protocol);
      this.built.set(protocol, client);
    }
    return client;
  }
}

/** Odoo could not be asked (down, slow, unreachable): no verdict on the credential, so nothing is settled. */
function isTransportProblem(error: unknown): boolean {
  return (
    error instanceof TransportFailure ||
    (error instanceof GatewayError && (error.status === 504 || error.cause instanceof TransportFailure))
  );
}

function refusalText(error: unknown): string {
  return error instanceof GatewayError ? error.message : 'refused';
}
