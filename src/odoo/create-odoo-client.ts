import http from 'node:http';
import https from 'node:https';
import { AutoOdooClient } from './auto-odoo-client';
import { Json2Transport } from './json2-transport';
import { JsonRpcTransport } from './jsonrpc-transport';
import type { OdooCallObserver, OdooClient, OdooConnectionSettings, OdooProtocol } from './odoo-client';
import { RpcOdooClient } from './rpc-odoo-client';
import type { RpcTransport, RpcTransportOptions } from './rpc-transport';
import { SessionTransport } from './session-transport';
import { XmlRpcTransport } from './xmlrpc-transport';

export interface OdooClientSettings extends OdooConnectionSettings {
  /**
   * `auto` (the default) reads the server's version on the first connection and picks the fastest
   * protocol the server accepts the credential on (see auto-protocol.ts); any other value is obeyed.
   */
  protocol?: OdooProtocol | 'auto';
  /** Replies larger than this are refused (502) instead of filling the gateway's memory. */
  maxResponseBytes?: number;
  /** How long a refused login is answered from memory (503) before Odoo is asked again. */
  loginPauseMs?: number;
}

const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/**
 * Idle keep-alive sockets are dropped after this long, below Node's default server keep-alive
 * timeout (5 s), so that the gateway rarely writes onto a socket the server is closing. A server that
 * answers `Connection: close` (Odoo's own, always) gets no second request on that socket: Node's agent
 * destroys such a socket instead of pooling it (tested in odoo-client-connections.test.ts).
 */
const IDLE_SOCKET_MS = 4000;

/** Builds the client for `settings.protocol` (`auto` unless told otherwise). No I/O until the first call. */
export function createOdooClient(settings: OdooClientSettings, observer?: OdooCallObserver): OdooClient {
  const baseUrl = parseOdooUrl(settings.url);
  const agentOptions = {
    keepAlive: true,
    maxSockets: settings.maxConcurrency,
    maxFreeSockets: settings.maxConcurrency,
    timeout: IDLE_SOCKET_MS,
  };
  const agent = baseUrl.protocol === 'https:' ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  const transportOptions: RpcTransportOptions = {
    baseUrl,
    agent,
    maxResponseBytes: settings.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    database: settings.db,
  };
  const build = (protocol: OdooProtocol, onClose?: () => void): OdooClient =>
    new RpcOdooClient({
      protocol,
      transport: createTransport(protocol, transportOptions, settings.password),
      settings,
      observer,
      loginPauseMs: settings.loginPauseMs,
      onClose,
    });
  const protocol = settings.protocol ?? 'auto';
  if (protocol === 'auto')
    return new AutoOdooClient(
      (chosen) => build(chosen),
      () => agent.destroy(),
    );
  return build(protocol, () => agent.destroy());
}

function createTransport(
  protocol: OdooProtocol,
  options: RpcTransportOptions,
  password: string,
): RpcTransport {
  switch (protocol) {
    case 'jsonrpc':
      return new JsonRpcTransport(options);
    case 'session':
      return new SessionTransport(options);
    case 'json2':
      return new Json2Transport({ ...options, apiKey: password });
    default:
      return new XmlRpcTransport(options);
  }
}

/** The message never repeats the URL: it may hold proxy credentials (`https://user:pass@host`). */
function parseOdooUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError('The Odoo URL is not a valid URL (expected e.g. https://erp.example.com)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError('The Odoo URL must start with http:// or https://');
  }
  return url;
}
