import { PassThrough } from 'node:stream';
import { createLogger, LoggerOptions } from '../../../src/logging/create-logger';

function capture(options: Omit<LoggerOptions, 'stream'>) {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const logger = createLogger({ ...options, stream });
  const flush = () => new Promise<string>((resolve) => setImmediate(() => resolve(text)));
  const lines = async () =>
    (await flush())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, flush, lines };
}

describe('createLogger (json)', () => {
  it('when entries are logged, then each is one JSON object on its own line with level, message and time', async () => {
    const { logger, lines } = capture({ level: 'info', format: 'json' });
    logger.info('first', { n: 1 });
    logger.warn('second');
    const logged = await lines();
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ level: 'info', message: 'first', n: 1 });
    expect(logged[1]).toMatchObject({ level: 'warn', message: 'second' });
    expect(typeof logged[0]?.timestamp).toBe('string');
  });

  it('when an entry is below the configured level, then it is not written', async () => {
    const { logger, lines } = capture({ level: 'info', format: 'json' });
    logger.debug('noise');
    expect(await lines()).toEqual([]);
  });

  it('when metadata or the message hold secrets, then the written line holds none of them', async () => {
    const { logger, flush } = capture({ level: 'info', format: 'json' });
    logger.info('calling https://bot:odoo-pw@odoo.local with Bearer tok-123', {
      body: { name: 'A', password: 'hunter2', nested: [{ api_key: 'k-9' }] },
    });
    const text = await flush();
    for (const secret of ['odoo-pw', 'tok-123', 'hunter2', 'k-9']) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ body: { name: 'A', password: '[REDACTED]' } });
  });

  it('when an Error is logged directly, then its message is written, scrubbed', async () => {
    const { logger, lines } = capture({ level: 'info', format: 'json' });
    logger.error(new Error('refused for Basic dXNlcjpwYXNz'));
    const [entry] = await lines();
    expect(entry?.message).toBe('refused for Basic [REDACTED]');
  });

  it('when metadata has a cycle, then logging does not throw and the line is still JSON', async () => {
    const { logger, lines } = capture({ level: 'info', format: 'json' });
    const loop: Record<string, unknown> = { a: 1 };
    loop.me = loop;
    logger.info('loop', { loop });
    const [entry] = await lines();
    expect(entry).toMatchObject({ loop: { a: 1, me: '[Circular]' } });
  });
});

describe('createLogger (pretty)', () => {
  it('when an entry is logged in a request, then one human line shows level, request id, message and fields', async () => {
    const { logger, flush } = capture({ level: 'info', format: 'pretty' });
    logger.info('hello', { request_id: 'abc', token: 't-1', n: 2 });
    const text = await flush();
    expect(text).toMatch(/^\S+ info \[abc\] hello \{"token":"\[REDACTED\]","n":2\}\n$/);
  });
});
