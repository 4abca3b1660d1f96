import http from 'node:http';
import { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { createHash } from 'node:crypto';
import express, { RequestHandler } from 'express';
import request from 'supertest';
import type { AuthConfig } from '../../src/config/types';
import { errorHandler, notFoundHandler } from '../../src/errors/to-http';
import { accessLog } from '../../src/http/access-log';
import { createAuthMiddleware } from '../../src/http/auth';
import { ensureRequestContext, setContextEndpoint } from '../../src/context/request-context';
import { requestId } from '../../src/http/request-id';
import { createLogger } from '../../src/logging/create-logger';

const REALM = 'odoo-gateway';
const SHOP_PASSWORD = 'Pa:ss-W0rd!shop';
const ERP_PASSWORD = 'erp-Pw-7781';
const TOKEN = 'tok-3f9a8b7c6d5e4f';
const HASHED_TOKEN_VALUE = 'tok-hashed-0c1d2e';
const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const AUTH: Record<string, AuthConfig> = {
  open: { type: 'none' },
  'basic-ep': {
    type: 'basic',
    users: [
      { username: 'shop', password: SHOP_PASSWORD },
      { username: 'erp', password: `sha256:${sha256Hex(ERP_PASSWORD)}` },
    ],
  },
  'bearer-ep': { type: 'bearer', tokens: [TOKEN, `sha256:${sha256Hex(HASHED_TOKEN_VALUE)}`] },
};

const logStream = new PassThrough();
let logText = '';
logStream.on('data', (chunk: Buffer) => (logText += chunk.toString('utf8')));
const logger = createLogger({ level: 'debug', format: 'json', stream: logStream });

/** The route's own middleware chain, as the real router will declare it: endpoint → auth → body. */
const authByEndpoint = new Map(
  Object.entries(AUTH).map(([name, auth]) => [name, createAuthMiddleware(auth, REALM)]),
);
const selectEndpoint: RequestHandler = (req, res, next) => {
  const name = String(req.params.endpoint);
  const auth = authByEndpoint.get(name);
  if (!auth) return next();
  setContextEndpoint(res, name);
  auth(req, res, next);
};

function buildApp(): express.Express {
  const app = express();
  app.use(requestId());
  app.use(accessLog(logger));
  app.post('/bj_api_sync/v1/:endpoint', selectEndpoint, express.json({ limit: '2kb' }), async (req, res) => {
    // As the gateway's handlers do: lines about a request name its id; its Odoo calls count into it.
    const context = ensureRequestContext(req, res);
    logger.info('create', { body: req.body as unknown, request_id: context.requestId });
    await Promise.resolve();
    context.odooCalls += 1;
    res.status(201).json({ success: true, message: 'Record created', id: 7 });
  });
  app.get('/boom', () => {
    throw new Error('db password=hunter2 at /srv/gateway/src/handler.ts:12');
  });
  app.get('/slow', (req, res) => {
    req.on('close', () => res.end());
  });
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}

let server: http.Server;
beforeAll(async () => {
  server = http.createServer(buildApp());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  logger.close();
});

type LogLine = Record<string, unknown>;
const logLines = (): LogLine[] =>
  logText
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);

/** The access line is written on the server's 'finish', which may land just after the client has the response. */
async function waitForLog(match: (line: LogLine) => boolean): Promise<LogLine> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const found = logLines().find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('expected log line never came');
}

const post = (endpoint: string) =>
  request(server).post(`/bj_api_sync/v1/${endpoint}`).set('Content-Type', 'application/json');

function expectUnauthorized(res: request.Response, challenge: string): void {
  expect(res.status).toBe(401);
  expect(res.headers['www-authenticate']).toBe(challenge);
  expect(res.body).toEqual({
    success: false,
    error: 'Missing or invalid credentials',
    status_code: 'UNAUTHORIZED',
    line_id: null,
    request_id: res.headers['x-request-id'],
  });
}

describe('auth: none', () => {
  it('when no or any credentials are sent, then the request goes through', async () => {
    await post('open').send({ name: 'A' }).expect(201);
    await post('open').set('Authorization', 'Bearer whatever').send({ name: 'A' }).expect(201);
  });
});

describe('auth: basic', () => {
  const challenge = `Basic realm="${REALM}"`;

  it('when a configured user sends the right password (plain with colons, or hashed), then the request goes through', async () => {
    await post('basic-ep').set('Authorization', basic('shop', SHOP_PASSWORD)).send({ name: 'A' }).expect(201);
    await post('basic-ep').set('Authorization', basic('erp', ERP_PASSWORD)).send({ name: 'A' }).expect(201);
  });

  it('when the password is wrong, then 401 with the Basic challenge and the JSON error body', async () => {
    expectUnauthorized(
      await post('basic-ep').set('Authorization', basic('shop', 'Pa:ss')).send({}),
      challenge,
    );
    expectUnauthorized(
      await post('basic-ep').set('Authorization', basic('erp', SHOP_PASSWORD)).send({}),
      challenge,
    );
  });

  it('when credentials are missing or use another scheme, then 401 with the Basic challenge', async () => {
    expectUnauthorized(await post('basic-ep').send({}), challenge);
    expectUnauthorized(await post('basic-ep').set('Authorization', `Bearer ${TOKEN}`).send({}), challenge);
    expectUnauthorized(await post('basic-ep').set('Authorization', 'Basic').send({}), challenge);
  });

  it('when credentials are wrong and the body is not JSON, then the 401 comes first', async () => {
    expectUnauthorized(await post('basic-ep').send('{not json'), challenge);
  });
});

describe('auth: bearer', () => {
  const challenge = `Bearer realm="${REALM}"`;
  const invalid = `Bearer realm="${REALM}", error="invalid_token"`;

  it('when a configured token (plain or hashed) is sent, then the request goes through', async () => {
    await post('bearer-ep').set('Authorization', `Bearer ${TOKEN}`).send({ name: 'A' }).expect(201);
    await post('bearer-ep')
      .set('Authorization', `bearer   ${HASHED_TOKEN_VALUE}`)
      .send({ name: 'A' })
      .expect(201);
  });

  it('when a wrong token is sent, then 401 with error="invalid_token"', async () => {
    expectUnauthorized(await post('bearer-ep').set('Authorization', `Bearer ${TOKEN}x`).send({}), invalid);
    expectUnauthorized(await post('bearer-ep').set('Authorization', 'Bearer a b').send({}), invalid);
  });

  it('when no token or another scheme is sent, then 401 with the plain Bearer challenge', async () => {
    expectUnauthorized(await post('bearer-ep').send({}), challenge);
    expectUnauthorized(
      await post('bearer-ep').set('Authorization', basic('shop', SHOP_PASSWORD)).send({}),
      challenge,
    );
  });

  it('when the token comes as access_token in the body or query instead of the header, then it is not accepted', async () => {
    expectUnauthorized(await post('bearer-ep').send({ access_token: TOKEN }), challenge);
    const viaQuery = await request(server)
      .post(`/bj_api_sync/v1/bearer-ep?access_token=${TOKEN}`)
      .set('Content-Type', 'application/json')
      .send({});
    expectUnauthorized(viaQuery, challenge);
  });

  it('when the header token is right and the body has its own access_token field, then the request goes through', async () => {
    await post('bearer-ep')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ access_token: 'a record field' })
      .expect(201);
  });
});

describe('X-Request-ID', () => {
  it('when the caller sends a valid id, then it is echoed on the response and in the access log', async () => {
    const id = `abc-123:x.y_Z${'9'.repeat(115)}`;
    expect(id).toHaveLength(128);
    const res = await post('open').set('X-Request-ID', id).send({}).expect(201);
    expect(res.headers['x-request-id']).toBe(id);
    await waitForLog((line) => line.message === 'request' && line.request_id === id);
  });

  it.each(['has space', 'semi;colon', 'x'.repeat(129), ''])(
    'when the caller sends %p, then a fresh UUID is used instead',
    async (bad) => {
      const res = await post('open').set('X-Request-ID', bad).send({}).expect(201);
      expect(res.headers['x-request-id']).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    },
  );

  it('when no id is sent, then each response gets its own, errors included, and the error body repeats it', async () => {
    const [a, b] = await Promise.all([post('open').send({}), request(server).get('/nowhere')]);
    expect(a.headers['x-request-id']).toBeDefined();
    expect(b.headers['x-request-id']).toBeDefined();
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    expect(b.status).toBe(404);
    expect(b.body).toMatchObject({
      success: false,
      status_code: 'NOT_FOUND',
      request_id: b.headers['x-request-id'],
    });
  });
});

describe('logging', () => {
  it('when a request is served, then one access line has method, path, endpoint, status, ms, request id and Odoo calls', async () => {
    const res = await post('open').send({ name: 'A' }).expect(201);
    const id = res.headers['x-request-id'];
    const line = await waitForLog((l) => l.message === 'request' && l.request_id === id);
    expect(line).toMatchObject({
      level: 'info',
      method: 'POST',
      path: '/bj_api_sync/v1/open',
      endpoint: 'open',
      status: 201,
      odoo_calls: 1,
    });
    expect(typeof line.ms).toBe('number');
    expect(logLines().filter((l) => l.message === 'request' && l.request_id === id)).toHaveLength(1);
    // The handler's own line carries the request id too, though it was written after body parsing.
    expect(logLines().find((l) => l.message === 'create' && l.request_id === id)).toBeDefined();
  });

  it('THE SECRET TEST: when requests carry Basic and Bearer credentials and secret body keys, then no secret reaches the log', async () => {
    const bodySecret = 'body-Secret-0042';
    const apiKey = 'nested-Key-0077';
    const querySecret = 'query-Secret-0099';
    const body = { name: 'Alice', password: bodySecret, settings: { api_key: apiKey } };
    const basicHeader = basic('shop', SHOP_PASSWORD);
    const ok1 = await post('basic-ep').set('Authorization', basicHeader).send(body).expect(201);
    const ok2 = await request(server)
      .post(`/bj_api_sync/v1/bearer-ep?limit=5&access_token=${querySecret}&api_key=${querySecret}`)
      .set('Content-Type', 'application/json')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send(body);
    expect(ok2.status).toBe(201); // the query access_token is ignored (the header decides) and must not leak
    await post('bearer-ep').set('Authorization', `Bearer ${TOKEN}`).send(body).expect(201);
    await post('basic-ep')
      .set('Authorization', basic('shop', `${SHOP_PASSWORD}-wrong`))
      .send(body)
      .expect(401);
    await post('bearer-ep').set('Authorization', `Bearer ${TOKEN}-wrong`).send(body).expect(401);

    const basicLine = await waitForLog(
      (l) => l.message === 'request' && l.request_id === ok1.headers['x-request-id'],
    );
    expect(basicLine).toMatchObject({ status: 201, endpoint: 'basic-ep' });
    const queryLine = await waitForLog(
      (l) => l.message === 'request' && l.request_id === ok2.headers['x-request-id'],
    );
    expect(queryLine.path).toBe(
      '/bj_api_sync/v1/bearer-ep?limit=5&access_token=[REDACTED]&api_key=[REDACTED]',
    );
    const createLine = logLines().find(
      (l) => l.message === 'create' && l.request_id === ok1.headers['x-request-id'],
    );
    expect(createLine).toMatchObject({
      body: { name: 'Alice', password: '[REDACTED]', settings: { api_key: '[REDACTED]' } },
    });

    for (const secret of [
      SHOP_PASSWORD,
      TOKEN,
      basicHeader.slice('Basic '.length),
      Buffer.from(`shop:${SHOP_PASSWORD}`).toString('base64'),
      bodySecret,
      apiKey,
      querySecret,
    ]) {
      expect(logText).not.toContain(secret);
    }
  });

  it('when a client goes away before the answer, then the access line is still written, as aborted', async () => {
    const { port } = server.address() as AddressInfo;
    const id = 'abort-me-1';
    await new Promise<void>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/slow', headers: { 'X-Request-ID': id } });
      req.on('error', () => resolve());
      setTimeout(() => req.destroy(), 50);
    });
    const line = await waitForLog((l) => l.message === 'request' && l.request_id === id);
    expect(line).toMatchObject({ status: 499, aborted: true, path: '/slow' });
  });
});

describe('errors', () => {
  it('when a handler throws a plain Error, then 500 INTERNAL_ERROR with a generic message; the stack goes to the log only', async () => {
    const res = await request(server).get('/boom').expect(500);
    expect(res.body).toEqual({
      success: false,
      error: 'Internal error',
      status_code: 'INTERNAL_ERROR',
      line_id: null,
      request_id: res.headers['x-request-id'],
    });
    expect(res.text).not.toMatch(/hunter2|srv|handler\.ts/);
    const line = await waitForLog(
      (l) => l.message === 'internal error' && l.request_id === res.headers['x-request-id'],
    );
    expect(line.level).toBe('error');
    expect(JSON.stringify(line.err)).toContain('handler.ts');
    expect(logText).not.toContain('hunter2');
  });

  it('when the body is not JSON, then 400 INVALID_JSON', async () => {
    const res = await post('open').send('{"a":').expect(400);
    expect(res.body).toMatchObject({
      success: false,
      status_code: 'INVALID_JSON',
      request_id: res.headers['x-request-id'],
    });
  });

  it('when the body is over the limit, then 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await post('open')
      .send({ blob: 'x'.repeat(5000) })
      .expect(413);
    expect(res.body).toMatchObject({ success: false, status_code: 'PAYLOAD_TOO_LARGE' });
  });

  it('when the charset or content encoding is not supported, then 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const latin = await request(server)
      .post('/bj_api_sync/v1/open')
      .set('Content-Type', 'application/json; charset=iso-8859-1')
      .send('{}');
    expect(latin.status).toBe(415);
    expect(latin.body).toMatchObject({ success: false, status_code: 'UNSUPPORTED_MEDIA_TYPE' });
    const compressed = await post('open').set('Content-Encoding', 'compress').send('{}');
    expect(compressed.status).toBe(415);
    expect(compressed.body).toMatchObject({ status_code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});

describe('errors before requestId() ran', () => {
  it('when a body parser mounted first fails, then the error still has an X-Request-ID and request_id', async () => {
    const app = express();
    app.use(express.json());
    app.use(requestId());
    app.post('/x', (_req, res) => {
      res.json({});
    });
    app.use(errorHandler(logger));
    const res = await request(app).post('/x').set('Content-Type', 'application/json').send('{oops');
    expect(res.status).toBe(400);
    expect(res.headers['x-request-id']).toBeDefined();
    expect(res.body.request_id).toBe(res.headers['x-request-id']);
  });
});
