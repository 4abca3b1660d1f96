import http from 'node:http';
import https from 'node:https';
import { JsonRpcTransport } from './jsonrpc-transport';
import type { OdooCallObserver, OdooClient, OdooConnectionSettings } from './odoo-client';
import { RpcOdooClient } from './rpc-odoo-client';
import type { RpcTransportOptions } from './rpc-transport';
import { XmlRpcTransport } from './xmlrpc-transport';

export interface OdooClientSettings extends OdooConnectionSettings {
  /**
   * `auto` picks XML-RPC, which every Odoo up to 21 serves. JSON-2 (Odoo 19+) is not implemented
   * here yet; asking for it fails at start rather than at the first request.
   */
  protocol?: 'xmlrpc' | 'jsonrpc' | 'json2' | 'auto';
  /** Replies larger than this are refused (502) instead of filling the gateway's memory. */
  maxResponseBytes?: number;
  /** How long a refused login is answered from memory (503) before Odoo is asked again. */
  loginPauseMs?: number;
}

const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/**
 * Idle keep-alive sockets are dropped after this long, below Node's default server keep-alive
 * timeout (5 s), so that the gateway rarely writes onto a socket the server is closing.
 * (Real Odoo answers `Connection: close` anyway; the simulator keeps connections alive.)
 */
const IDLE_SOCKET_MS = 4000;

/** Builds the client for `settings.protocol` (XML-RPC unless told otherwise). No I/O until the first call. */
export function createOdooClient(settings: OdooClientSettings, observer?: OdooCallObserver): OdooClient {
  const baseUrl = parseOdooUrl(settings.url);
  const protocol = pickProtocol(settings.protocol);
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
  };
  return new RpcOdooClient({
    protocol,
    transport:
      protocol === 'jsonrpc' ? new JsonRpcTransport(transportOptions) : new XmlRpcTransport(transportOptions),
    settings,
    observer,
    loginPauseMs: settings.loginPauseMs,
    onClose: () => agent.destroy(),
  });
}

function pickProtocol(protocol: OdooClientSettings['protocol']): 'xmlrpc' | 'jsonrpc' {
  if (protocol === 'json2')
    throw new TypeError("The Odoo protocol 'json2' is not supported yet: use xmlrpc or jsonrpc");
  return protocol === 'jsonrpc' ? 'jsonrpc' : 'xmlrpc';
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
