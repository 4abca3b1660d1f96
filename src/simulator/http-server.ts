/**
 * The HTTP side: Odoo's routes (`/xmlrpc/2/<service>`, legacy `/xmlrpc/<service>`, `/jsonrpc`),
 * werkzeug's 404/405 pages, `Connection: close` on every response unless keep-alive is asked for,
 * and the test controls (latency, injected fault/reset/hang/HTML 502, call log).
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import type { ControlState } from './controls';
import { injectedFault } from './orm/faults';
import { jsonRpcExchange, xmlRpcExchange, type Exchange } from './protocols';
import type { RpcDispatcher } from './rpc-dispatch';
import type { FailureSpec } from './types';
import { BAD_GATEWAY_HTML, METHOD_NOT_ALLOWED_HTML, NOT_FOUND_HTML } from './wire/html-pages';

const XMLRPC_ROUTE = /^\/xmlrpc\/(2\/)?(common|object|db)$/;
const SERVER_HEADER = 'Werkzeug/3.0.1 Python/3.12.3';

export interface HttpDeps {
  dispatcher: RpcDispatcher;
  controls: ControlState;
  keepAlive: boolean;
}

export interface SimulatorServer {
  server: http.Server;
  shutdown(): Promise<void>;
}

export function createSimulatorServer(deps: HttpDeps): SimulatorServer {
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();

  const send = (
    res: http.ServerResponse,
    status: number,
    type: string,
    body: string,
    server = SERVER_HEADER,
  ) => {
    if (res.destroyed || res.headersSent) return;
    const payload = Buffer.from(body, 'utf8');
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': type,
      'Content-Length': payload.length,
      Server: server,
    };
    if (!deps.keepAlive) headers.Connection = 'close';
    res.writeHead(status, headers);
    res.end(payload);
  };

  const later = (work: () => void) => {
    const ms = deps.controls.latencyMs;
    if (ms <= 0) return work();
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    timers.add(timer);
  };

  const fail = (failure: FailureSpec, exchange: Exchange, res: http.ServerResponse) => {
    switch (failure.kind) {
      case 'fault':
        return later(() =>
          send(res, 200, exchange.contentType, exchange.fault(injectedFault(failure.code, failure.message))),
        );
      case 'html':
        return later(() => send(res, 502, 'text/html', BAD_GATEWAY_HTML, 'nginx'));
      case 'reset':
        return later(() => res.socket?.destroy());
      case 'hang':
        return; // never answered; shutdown() destroys the socket
    }
  };

  const handle = (exchange: Exchange, res: http.ServerResponse) => {
    const call = exchange.call;
    if (call) deps.controls.record(call);
    const failure = call ? deps.controls.takeFailure(call) : null;
    if (failure && !failure.afterExecute) return fail(failure, exchange, res);
    const body = exchange.run();
    if (failure) return fail(failure, exchange, res);
    later(() => send(res, 200, exchange.contentType, body));
  };

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const xml = XMLRPC_ROUTE.exec(path);
    if (!xml && path !== '/jsonrpc') {
      req.resume();
      return send(res, 404, 'text/html; charset=utf-8', NOT_FOUND_HTML);
    }
    if (req.method !== 'POST') {
      req.resume();
      res.setHeader('Allow', 'POST, OPTIONS');
      return send(res, 405, 'text/html; charset=utf-8', METHOD_NOT_ALLOWED_HTML);
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const exchange = xml
        ? xmlRpcExchange(deps.dispatcher, xml[2]!, xml[1] === undefined, body)
        : jsonRpcExchange(deps.dispatcher, body);
      handle(exchange, res);
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
