import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { failureFromNodeError, TransportFailure } from './transport-failure';

/**
 * One POST to Odoo, done with node:http(s) directly so that the gateway controls what `xmlrpc`'s
 * client does not: a connect timeout (until the socket connects) separate from the read timeout
 * (from connect until the whole reply is in), both of which really destroy the socket; a shared
 * keep-alive agent; the status code and content type of the reply; a cap on the reply size.
 * Never rejects with anything but a TransportFailure.
 */
export interface HttpPostRequest {
  url: URL;
  body: string;
  contentType: string;
  agent: http.Agent;
  timeoutMs: number;
  connectTimeoutMs: number;
  maxResponseBytes: number;
  /** Extra request headers (X-Odoo-Database, Authorization, Cookie): never logged. */
  headers?: Readonly<Record<string, string>>;
}

export interface HttpPostReply {
  status: number;
  contentType: string;
  body: string;
  /** `Set-Cookie` lines of the reply (the session transport keeps its `session_id`). */
  setCookie: string[];
}

export function httpPost(request: HttpPostRequest): Promise<HttpPostReply> {
  return new Promise((resolve, reject) => new Exchange(request, resolve, reject).start());
}

class Exchange {
  private settled = false;
  private connected = false;
  private timer: NodeJS.Timeout | undefined;
  private req: http.ClientRequest | undefined;

  constructor(
    private readonly request: HttpPostRequest,
    private readonly resolve: (reply: HttpPostReply) => void,
    private readonly reject: (failure: TransportFailure) => void,
  ) {}

  start(): void {
    const { url, body, contentType, agent } = this.request;
    const transport = url.protocol === 'https:' ? https : http;
    this.arm('connect_timeout', this.request.connectTimeoutMs);
    const req = transport.request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || undefined,
      path: url.pathname + url.search,
      method: 'POST',
      agent,
      // A reverse proxy in front of Odoo may ask for basic auth: taken from the URL, never logged.
      auth: url.username
        ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
        : undefined,
      headers: {
        'Content-Type': contentType,
        Accept: contentType,
        'Content-Length': Buffer.byteLength(body, 'utf8'),
        'User-Agent': 'odoo-sync-gateway',
        ...this.request.headers,
      },
    });
    this.req = req;
    req.on('socket', (socket: Socket) => this.onSocket(socket));
    req.on('response', (res) => this.onResponse(res));
    req.on('error', (error) => this.fail(failureFromNodeError(error, this.connected)));
    req.end(body, 'utf8');
  }

  private onSocket(socket: Socket): void {
    if (!socket.connecting) return this.onConnect();
    socket.once('connect', () => this.onConnect());
  }

  private onConnect(): void {
    if (this.settled || this.connected) return;
    this.connected = true;
    this.arm('read_timeout', this.request.timeoutMs);
  }

  private onResponse(res: http.IncomingMessage): void {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > this.request.maxResponseBytes) return this.fail(new TransportFailure('too_large'));
      chunks.push(chunk);
    });
    res.on('end', () =>
      this.finish(() =>
        this.resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
          setCookie: res.headers['set-cookie'] ?? [],
        }),
      ),
    );
    res.on('error', (error) => this.fail(failureFromNodeError(error, true)));
    res.on('close', () => {
      if (!res.complete) this.fail(new TransportFailure('reset', 'ECONNRESET'));
    });
  }

  private arm(kind: 'connect_timeout' | 'read_timeout', ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fail(new TransportFailure(kind)), ms);
  }

  private fail(failure: TransportFailure): void {
    this.finish(() => this.reject(failure));
    // Destroying the request closes the socket: a timed-out call must not keep a slot or a socket busy.
    if (this.req && !this.req.destroyed) this.req.destroy();
  }

  private finish(settle: () => void): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    settle();
  }
}
