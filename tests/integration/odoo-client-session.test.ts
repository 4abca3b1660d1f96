import { CREDENTIALS_REFUSED_MESSAGE, SESSION_LOST_MESSAGE } from '../../src/odoo/classify-fault';
import type { OdooCallInfo, OdooClient } from '../../src/odoo/odoo-client';
import { gatewayErrorOf, TestClients } from './odoo-client-test-clients';
import {
  recorded,
  RecordedOdoo,
  Reply,
  SeenRequest,
  SESSION_FILE,
  startRecordedOdoo,
} from './odoo-client-recorded-odoo';

const PASSWORD = 'admin-SECRET-pw';

/** How the fake answers a call whose session it does not know (both are recorded Odoo 18 answers). */
type LostAnswer = 'expired' | 'html404';

/**
 * Odoo 18 with sessions: a login with PASSWORD opens a new session (`sid-1`, `sid-2`...); call_kw with
 * a known session cookie is answered by `answer`, with an unknown one as a lost session.
 */
class SessionOdoo {
  readonly sessions = new Set<string>();
  lostAnswer: LostAnswer = 'expired';
  /** A fresh anonymous session some servers set on such an answer (not in the recording). */
  lostAnswerCookie: string | undefined;
  server!: RecordedOdoo;
  private opened = 0;

  constructor(private readonly answer: (request: SeenRequest) => Reply | 'hang' | Promise<Reply | 'hang'>) {}

  async start(): Promise<this> {
    this.server = await startRecordedOdoo((request) => this.handle(request));
    return this;
  }

  logins(): SeenRequest[] {
    return this.server.to('/web/session/authenticate');
  }

  /** Odoo restarted (file sessions wiped) or logged the user out: every session is gone. */
  dropSessions(): void {
    this.sessions.clear();
  }

  private handle(request: SeenRequest): Reply | 'hang' | Promise<Reply | 'hang'> {
    if (request.path === '/web/session/authenticate') {
      if (request.json.password !== PASSWORD) return recorded(SESSION_FILE, 'authenticate_bad_password');
      const sid = `sid-${++this.opened}`;
      this.sessions.add(sid);
      return recorded(SESSION_FILE, 'authenticate_ok', sid);
    }
    const sid = /session_id=([^;]+)/.exec(String(request.headers.cookie ?? ''))?.[1];
    if (!sid || !this.sessions.has(sid)) {
      const lost =
        this.lostAnswer === 'expired'
          ? recorded(SESSION_FILE, 'call_kw_after_logout_new_cookie')
          : recorded(SESSION_FILE, 'call_kw_no_cookie');
      return this.lostAnswerCookie ? { ...lost, setCookie: [this.lostAnswerCookie] } : lost;
    }
    return this.answer(request);
  }
}

let fake: SessionOdoo | undefined;
const clients = new TestClients({
  db: 'odoo_demo',
  username: 'admin',
  password: PASSWORD,
  timeoutMs: 2000,
  connectTimeoutMs: 1000,
  maxConcurrency: 4,
  protocol: 'session',
});
const client = clients.create.bind(clients);
const errorOf = (promise: Promise<unknown>) =>
  gatewayErrorOf(promise, new RegExp(`${PASSWORD}|sid-|Traceback|<`));

afterEach(async () => {
  await clients.closeAll();
  await fake?.server.close();
  fake = undefined;
});

async function sessionOdoo(answer: (request: SeenRequest) => Reply | 'hang' | Promise<Reply | 'hang'>) {
  fake = await new SessionOdoo(answer).start();
  return fake;
}

const later = <T>(ms: number, value: T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value), ms));

/** A read (search_count) or a write, whose answer is the recorded one. */
function answerByMethod(request: SeenRequest): Promise<Reply> {
  return later(10, recorded(SESSION_FILE, request.json.method === 'write' ? 'write' : 'search_count'));
}

function mixedLoad(odoo: OdooClient, count: number): Promise<unknown[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      i % 2 === 0
        ? odoo.executeKw('res.partner', 'search_count', [[]], {}, { readOnly: true })
        : odoo.executeKw('res.partner', 'write', [[i], { ref: `R-${i}` }]),
    ),
  );
}

describe('Odoo client over session routes (recorded Odoo 18.0 answers)', () => {
  it('when a burst of first calls arrives, then one login is made and every call carries its cookie and the database', async () => {
    const odoo = await sessionOdoo(answerByMethod);
    const gateway = client(odoo.server.url);
    await mixedLoad(gateway, 10);
    expect(odoo.logins()).toHaveLength(1);
    expect(odoo.logins()[0]?.json).toEqual({ db: 'odoo_demo', login: 'admin', password: PASSWORD });
    const calls = odoo.server.to('/web/dataset/call_kw/');
    expect(calls).toHaveLength(10);
    expect(new Set(calls.map((c) => c.headers.cookie))).toEqual(new Set(['session_id=sid-1']));
    expect(calls.every((c) => c.headers['x-odoo-database'] === 'odoo_demo')).toBe(true);
    expect(calls[1]?.json).toEqual({
      model: 'res.partner',
      method: 'write',
      args: [[1], { ref: 'R-1' }],
      kwargs: {},
    });
  });

  it.each<[LostAnswer, string]>([
    ['expired', 'JSON-RPC code 100 "Odoo Session Expired"'],
    ['html404', "a multi-database server's HTML 404 page (Odoo restarted, sessions wiped)"],
  ])(
    'when the session is lost mid-load (%s: %s), then one new login is made and every call, writes included, succeeds once',
    async (lostAnswer) => {
      let answered = 0;
      const executedWrites: string[] = [];
      const odoo = await sessionOdoo((request) => {
        if (request.json.method === 'write') executedWrites.push(JSON.stringify(request.json.args));
        if (++answered === 6) fake?.dropSessions();
        return answerByMethod(request);
      });
      odoo.lostAnswer = lostAnswer;
      const results = await mixedLoad(client(odoo.server.url), 30);
      expect(results).toEqual(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 5 : true)));
      expect(odoo.logins()).toHaveLength(2);
      // Some writes met the lost session and were sent again; Odoo ran each one exactly once.
      expect(odoo.server.to('/web/dataset/call_kw/res.partner/write').length).toBeGreaterThan(15);
      expect(executedWrites).toHaveLength(15);
      expect(new Set(executedWrites).size).toBe(15);
    },
  );

  it('when a lost-session answer sets an anonymous session cookie, then the client keeps its logged-in session', async () => {
    let answered = 0;
    const odoo = await sessionOdoo((request) => {
      if (++answered === 3) fake?.dropSessions();
      return answerByMethod(request);
    });
    odoo.lostAnswerCookie = 'session_id=anonymous; HttpOnly; Path=/';
    await expect(mixedLoad(client(odoo.server.url), 12)).resolves.toHaveLength(12);
    expect(odoo.logins()).toHaveLength(2);
    const calls = odoo.server.to('/web/dataset/call_kw/');
    expect(calls.some((c) => c.headers.cookie === 'session_id=anonymous')).toBe(false);
  });

  it('when the session is lost again right after the new login, then the call fails with a clear 503 and no further login is tried', async () => {
    const odoo = await sessionOdoo(() => {
      fake?.dropSessions();
      return recorded(SESSION_FILE, 'call_kw_after_logout_new_cookie');
    });
    const error = await errorOf(client(odoo.server.url).executeKw('res.partner', 'search_count', [[]]));
    expect([error.status, error.message]).toEqual([503, SESSION_LOST_MESSAGE]);
    expect(odoo.logins()).toHaveLength(2);
  });

  it('when the password is wrong, then a burst makes one login and every call gets the 503 about the credentials', async () => {
    const odoo = await sessionOdoo(answerByMethod);
    const gateway = client(odoo.server.url, { password: 'wrong-password' });
    const errors = await Promise.all(
      [1, 2, 3].map(() =>
        errorOf(gateway.executeKw('res.partner', 'search_count', [[]], {}, { readOnly: true })),
      ),
    );
    expect(errors.map((e) => [e.status, e.message])).toEqual(
      Array.from({ length: 3 }, () => [503, CREDENTIALS_REFUSED_MESSAGE]),
    );
    await errorOf(gateway.executeKw('res.partner', 'search_count', [[]], {}, { readOnly: true }));
    expect(odoo.logins()).toHaveLength(1);
  });

  it('when a write times out, then it is a 504 and the write is never sent again', async () => {
    const odoo = await sessionOdoo(() => 'hang');
    const error = await errorOf(
      client(odoo.server.url, { timeoutMs: 300 }).executeKw('res.partner', 'write', [[1], { ref: 'x' }]),
    );
    expect(error.status).toBe(504);
    expect(odoo.server.to('/web/dataset/call_kw/res.partner/write')).toHaveLength(1);
  });

  it('when Odoo reports a missing record or a bad value, then the caller gets 404 or 400 as on XML-RPC', async () => {
    const odoo = await sessionOdoo((request) =>
      recorded(
        SESSION_FILE,
        request.json.method === 'write' ? 'missing_error_write_deleted' : 'validation_error_sql_constraint',
      ),
    );
    const gateway = client(odoo.server.url);
    const missing = await errorOf(gateway.executeKw('res.partner', 'write', [[1213], { name: 'gone' }]));
    const invalid = await errorOf(gateway.executeKw('res.partner', 'create', [{ email: 'a@example.com' }]));
    expect([missing.status, invalid.status]).toEqual([404, 400]);
  });

  it('when calls are made, then the observer sees the login and each call as service session', async () => {
    const calls: OdooCallInfo[] = [];
    const odoo = await sessionOdoo(answerByMethod);
    await client(odoo.server.url, {}, calls).executeKw(
      'res.partner',
      'search_count',
      [[]],
      {},
      { readOnly: true },
    );
    expect(calls.map(({ service, model, method }) => ({ service, model, method }))).toEqual([
      { service: 'session', model: null, method: 'authenticate' },
      { service: 'session', model: 'res.partner', method: 'search_count' },
    ]);
  });
});
