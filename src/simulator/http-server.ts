/**
 * The HTTP side: reads a request into a RequestInfo, lets the router pick its exchange, then applies
 * the test controls (call log, injected fault/reset/hang/HTML 502, latency, the stateless-call cost)
 * and Odoo 19's deprecation warning. `Connection: close` on every response unless keep-alive is asked.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import type { ControlState } from './controls';
import type { Exchange, Reply, RequestInfo } from './exchange';
import { injectedFault } from './orm/faults';
import { sessionIdOf } from './session/cookies';
import type { FailureSpec, OdooVersion } from './types';
import { deprecationWarning, honoursDatabaseHeader } from './versions';
import { BAD_GATEWAY_HTML } from './wire/html-pages';

const SERVER_HEADER = 'Werkzeug/3.0.1 Python/3.12.3';

export interface HttpDeps {
  version: OdooVersion;
  route(req: RequestInfo): Exchange;
  controls: ControlState;
  keepAlive: boolean;
  /** Extra cost of a call that does not fix its database (multi-database servers only). */
  statelessCallMs: number;
}

export interface SimulatorServer {
  server: http.Server;
  shutdown(): Promise<void>;
}

function requestInfo(req: http.IncomingMessage, body: string, version: OdooVersion): RequestInfo {
  // Split by hand: `new URL` reads `//host/...` as an authority and throws on some junk.
  const [path = '/', query = ''] = (req.url ?? '/').split(/\?(.*)/s);
  const dbHeader = req.headers['x-odoo-database'];
  return {
    method: req.method ?? 'GET',
    path,
    query: new URLSearchParams(query),
    contentType: req.headers['content-type'] ?? '',
    dbHeader: honoursDatabaseHeader(version) && typeof dbHeader === 'string' ? dbHeader : undefined,
    sessionId: sessionIdOf(req.headers.cookie),
    authorization: req.headers.authorization,
    body,
  };
}

export function createSimulatorServer(deps: HttpDeps): SimulatorServer {
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();

  const send = (res: http.ServerResponse, reply: Reply, server = SERVER_HEADER) => {
    if (res.destroyed || res.headersSent) return;
    const payload = Buffer.from(reply.body, 'utf8');
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': reply.contentType,
      'Content-Length': payload.length,
      Server: server,
      ...reply.headers,
    };
    if (!deps.keepAlive) headers.Connection = 'close';
    res.writeHead(reply.status, headers);
    res.end(payload);
  };

  const later = (extraMs: number, work: () => void) => {
    const ms = deps.controls.latencyMs + extraMs;
    if (ms <= 0) return work();
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    timers.add(timer);
  };

  const fail = (failure: FailureSpec, exchange: Exchange, res: http.ServerResponse, extraMs: number) => {
    switch (failure.kind) {
      case 'fault':
        return later(extraMs, () => send(res, exchange.fault(injectedFault(failure.code, failure.message))));
      case 'html':
        return later(extraMs, () =>
          send(res, { status: 502, contentType: 'text/html', body: BAD_GATEWAY_HTML }, 'nginx'),
        );
      case 'reset':
        return later(extraMs, () => res.socket?.destroy());
      case 'hang':
        return; // never answered; shutdown() destroys the socket
    }
  };

  const handle = (exchange: Exchange, res: http.ServerResponse) => {
    const call = exchange.call;
    if (exchange.deprecatedRoute && deps.version >= 19) {
      deps.controls.logDeprecation(deprecationWarning(exchange.deprecatedRoute));
    }
    if (call) deps.controls.record(call);
    const extraMs = exchange.stateless ? deps.statelessCallMs : 0;
    const failure = call ? deps.controls.takeFailure(call) : null;
    if (failure && !failure.afterExecute) return fail(failure, exchange, res, extraMs);
    const reply = exchange.run();
    if (failure) return fail(failure, exchange, res, extraMs);
    later(extraMs, () => send(res, reply));
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const info = requestInfo(req, Buffer.concat(chunks).toString('utf8'), deps.version);
      handle(deps.route(info), res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const shutdown = () =>
    new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
    });

  return { server, shutdown };
}
