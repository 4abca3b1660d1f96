import http from 'node:http';
import net from 'node:net';
import { httpPost } from '../../../src/odoo/http-post';
import { neverReachedOdoo, TransportFailure } from '../../../src/odoo/transport-failure';

/** An agent whose sockets never finish connecting, like a host that drops SYN packets. */
class BlackholeAgent extends http.Agent {
  readonly created: net.Socket[] = [];

  override createConnection(): net.Socket {
    const socket = new net.Socket();
    (socket as { connecting: boolean }).connecting = true;
    this.created.push(socket);
    return socket;
  }
}

describe('httpPost', () => {
  it('when the socket does not connect in time, then a connect timeout that proves nothing was sent', async () => {
    const agent = new BlackholeAgent();
    const started = Date.now();
    const failure = await httpPost({
      url: new URL('http://odoo.test/xmlrpc/2/object'),
      body: '<x/>',
      contentType: 'text/xml',
      agent,
      timeoutMs: 5000,
      connectTimeoutMs: 50,
      maxResponseBytes: 1000,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransportFailure);
    expect((failure as TransportFailure).kind).toBe('connect_timeout');
    expect(neverReachedOdoo(failure)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(agent.created.every((socket) => socket.destroyed)).toBe(true);
    agent.destroy();
  });
});
