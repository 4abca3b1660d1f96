/**
 * The "direct" side of the comparisons: a plain XML-RPC client as an integrator would write it, with
 * the `xmlrpc` package's own createClient (not the gateway's transport) over a keep-alive agent. Its
 * sockets are capped at the gateway's `max_concurrency`, so both sides queue the same way.
 */
import http from 'node:http';
import https from 'node:https';
import xmlrpc from 'xmlrpc';
import type { OdooConnection, OdooExec } from './odoo-exec';

type ClientOptions = Exclude<Parameters<typeof xmlrpc.createClient>[0], string>;
type ClientOptionsWithAgent = ClientOptions & { agent: http.Agent };

export class DirectXmlRpcClient {
  /** Calls sent, counted here because a real Odoo keeps no call log for us. */
  calls = 0;
  private uid: number | undefined;
  private readonly agent: http.Agent;
  private readonly common: xmlrpc.Client;
  private readonly object: xmlrpc.Client;

  constructor(
    private readonly connection: OdooConnection,
    maxSockets: number,
  ) {
    const url = new URL(connection.url);
    const secure = url.protocol === 'https:';
    // Idle sockets are dropped before the server's keep-alive timeout (Node's default 5 s), as the
    // gateway's client does, so that neither side writes onto a socket the server is closing.
    const agentOptions = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: 4000 };
    this.agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
    const prefix = url.pathname.replace(/\/+$/, '');
    const options = (path: string): ClientOptionsWithAgent => ({
      host: url.hostname,
      port: Number(url.port || (secure ? 443 : 80)),
      path: `${prefix}/xmlrpc/2/${path}`,
      agent: this.agent,
    });
    const create = secure ? xmlrpc.createSecureClient : xmlrpc.createClient;
    this.common = create(options('common'));
    this.object = create(options('object'));
  }

  async login(): Promise<number> {
    const { db, username, password } = this.connection;
    const uid: unknown = await call(this.common, 'authenticate', [db, username, password, {}]);
    this.calls += 1;
    if (typeof uid !== 'number')
      throw new Error('direct XML-RPC login refused: check --db, --user and --password');
    this.uid = uid;
    return uid;
  }

  /** Bound, so it can be handed around as an OdooExec. */
  readonly exec: OdooExec = async (model, method, args, kwargs = {}) => {
    const uid = this.uid ?? (await this.login());
    this.calls += 1;
    const { db, password } = this.connection;
    return call(this.object, 'execute_kw', [db, uid, password, model, method, args, kwargs]);
  };

  close(): void {
    this.agent.destroy();
  }
}

function call(client: xmlrpc.Client, method: string, params: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    client.methodCall(method, params, (error: unknown, value: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error(describeFault(error)));
      else resolve(value);
    });
  });
}

function describeFault(error: unknown): string {
  const fault = error as { faultCode?: unknown; faultString?: unknown };
  const text = typeof fault.faultString === 'string' ? fault.faultString.split('\n').slice(-2).join(' ') : '';
  return `XML-RPC fault ${String(fault.faultCode ?? '?')}: ${text.slice(0, 200)}`;
}
