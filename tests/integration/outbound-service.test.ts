/**
 * The outbound service's life in a process, over a change source the test feeds by hand (no Odoo):
 * it follows config reloads (an `outbound:` block added starts pushing, removed stops), and close()
 * lets a POST in flight finish within its grace, or leaves its claim to expire when the grace is over,
 * and waits for workers a reload stopped just before.
 */
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/load-config';
import { GatewayConfig } from '../../src/config/types';
import { createLogger } from '../../src/logging/create-logger';
import type { Change, ChangeSource } from '../../src/outbound/change-source';
import { OutboundService, startOutbound } from '../../src/outbound/outbound-service';
import { openStore } from '../../src/store/open-store';
import { Store } from '../../src/store/store';
import { OUTBOUND_SECRET, pushingConfig } from './support/outbound-config';
import { Receiver, defaultAnswer, startReceiver } from './support/outbound-receiver';
import { TempConfig, writeTempConfig } from './support/temp-config';
import { sleep, waitFor } from './support/waiting';

const PLAIN =
  'endpoint: partners\nmodel: res.partner\nauth: { type: none }\nfields:\n  - { key: ref, field: ref }\n';
const logger = createLogger({
  level: 'error',
  format: 'json',
  stream: new Writable({ write: (_c, _e, cb) => cb() }),
});

/** The feed: changes the test appends; a cursor is how many were read. */
function handFedSource(): ChangeSource & { push(ref: string): void } {
  const changes: Change[] = [];
  return {
    push: (ref) =>
      changes.push({
        event: 'update',
        odooId: changes.length + 1,
        changedAt: new Date().toISOString(),
        eventId: `event-${ref}`,
        record: { ref },
      }),
    start: () => String(changes.length),
    read: async (_endpoint, cursor) => ({
      changes: changes.slice(Number(cursor)),
      nextCursor: String(changes.length),
      hasMore: false,
    }),
  };
}

describe('the outbound service in a process', () => {
  let receiver: Receiver;
  let store: Store;
  let pushing: TempConfig;
  let plain: TempConfig;
  let withPush: GatewayConfig;
  let withoutPush: GatewayConfig;
  let service: OutboundService | undefined;

  beforeAll(async () => {
    receiver = await startReceiver(OUTBOUND_SECRET);
    pushing = pushingConfig('  interval_s: 1\n  timeout_ms: 5000\n');
    plain = writeTempConfig({ 'partners.yaml': PLAIN });
    const env = {
      RECEIVER_URL: receiver.url,
      OUTBOUND_SECRET,
      ODOO_URL: 'http://127.0.0.1:9',
      ODOO_DB: 'x',
      ODOO_USERNAME: 'x',
      ODOO_PASSWORD: 'x',
    };
    withPush = loadConfig({ configPath: pushing.configPath, env });
    withoutPush = loadConfig({ configPath: plain.configPath, env });
  });
  beforeEach(async () => {
    store = await openStore({ type: 'memory' });
    receiver.received.length = 0;
    receiver.answer = defaultAnswer;
  });
  afterEach(async () => {
    await service?.close(0);
    await store.close();
  });
  afterAll(async () => {
    await receiver.close();
    pushing.remove();
    plain.remove();
  });

  const refs = () => receiver.events().map((event) => event.record.ref);
  const cursorSet = () => waitFor(async () => (await store.outbound.state('partners'))?.cursor != null);

  test('when a reload adds the outbound block, then pushing starts; when one removes it, pushing stops until it is back', async () => {
    let current = withoutPush;
    const source = handFedSource();
    service = startOutbound({ getConfig: () => current, queue: store.outbound, source, logger });
    source.push('before');
    await sleep(1500);
    await expect(store.outbound.state('partners')).resolves.toBeUndefined(); // nothing polls

    current = withPush;
    await cursorSet();
    source.push('while-pushing');
    await waitFor(async () => refs().includes('while-pushing'), 4000);
    expect(refs()).not.toContain('before'); // the first poll starts from now

    current = withoutPush;
    await sleep(1500); // the service notices within a second
    source.push('after');
    await sleep(2500);
    expect(refs()).not.toContain('after');

    current = withPush; // put back: it carries on from the kept cursor (docs/outbound.md)
    await waitFor(async () => refs().includes('after'), 4000);
  });

  test('when a reload stopped a worker that is still reading the feed, then close() waits for it to end', async () => {
    let current = withPush;
    const source = handFedSource();
    let reading = false;
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow: ChangeSource = {
      start: source.start,
      read: async (...args) => {
        reading = true;
        await held; // an Odoo read that takes its time
        return source.read(...args);
      },
    };
    service = startOutbound({ getConfig: () => current, queue: store.outbound, source: slow, logger });
    await cursorSet();
    await waitFor(async () => reading, 4000);
    current = withoutPush;
    await sleep(1200); // the service notices within a second and stops the worker
    let closedAt = 0;
    const closing = service.close(0).then(() => (closedAt = Date.now()));
    await sleep(300);
    const releasedAt = Date.now();
    release();
    await closing;
    // Not before: the worker's last page is written to the store, which the caller closes next.
    expect(closedAt).toBeGreaterThanOrEqual(releasedAt);
  });

  test('when the service closes during a slow POST, then the POST finishes within the grace and is recorded', async () => {
    const source = handFedSource();
    service = startOutbound({ getConfig: () => withPush, queue: store.outbound, source, logger });
    await cursorSet();
    receiver.answer = () => ({ status: 200, delayMs: 800 });
    source.push('slow');
    await waitFor(async () => refs().includes('slow'), 4000);
    const closing = Date.now();
    await service.close(5000);
    expect(Date.now() - closing).toBeGreaterThanOrEqual(500);
    await expect(store.outbound.summary()).resolves.toEqual([]); // delivered, and recorded so
  });

  test('when the grace ends before the receiver answers, then close() returns and the delivery stays queued', async () => {
    const source = handFedSource();
    service = startOutbound({ getConfig: () => withPush, queue: store.outbound, source, logger });
    await cursorSet();
    receiver.answer = () => 'hang';
    source.push('hanging');
    await waitFor(async () => refs().includes('hanging'), 4000);
    const closing = Date.now();
    await service.close(200);
    expect(Date.now() - closing).toBeLessThan(2000);
    // Not recorded as failed nor delivered: its claim expires and it is sent again, same id.
    const pending = await store.outbound.list('partners', 'pending', 10, 0);
    expect(pending.deliveries).toMatchObject([{ eventIds: ['event-hanging'], attempts: 1, last: {} }]);
  });
});
