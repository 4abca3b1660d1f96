/** The pure parts of the outbound push: deliveries from changes, headers and signature, backoff. */
import { retryAfterMs, retryDelayMs, retryWaitMs } from '../../../src/outbound/backoff';
import type { Change } from '../../../src/outbound/change-source';
import { toDeliveries } from '../../../src/outbound/deliveries';
import { deliveryHeaders, signature } from '../../../src/outbound/signing';

function change(n: number, event: Change['event'] = 'update'): Change {
  return {
    event,
    odooId: n,
    changedAt: `2026-12-01T10:00:0${n}Z`,
    eventId: `event-${n}`,
    record: { ref: `C-${n}` },
  };
}

describe('toDeliveries', () => {
  const all = { events: ['create', 'update', 'archive'] as const, batchSize: 1 };

  test('when batch_size is 1, then each change is one delivery whose body carries its event', () => {
    const [first, second] = toDeliveries('customers', all, [change(1, 'create'), change(2)]);
    expect(JSON.parse(first?.payload ?? '')).toEqual({
      endpoint: 'customers',
      delivery_id: first?.id,
      events: [
        { event_id: 'event-1', event: 'create', changed_at: '2026-12-01T10:00:01Z', record: { ref: 'C-1' } },
      ],
    });
    expect(first).toMatchObject({
      eventIds: ['event-1'],
      oldestChangeAt: Date.parse('2026-12-01T10:00:01Z'),
    });
    expect(second?.eventIds).toEqual(['event-2']);
    expect(first?.id).not.toBe(second?.id);
  });

  test('when batch_size is 2, then changes are grouped by two and the oldest change time is kept', () => {
    const deliveries = toDeliveries(
      'customers',
      { ...all, batchSize: 2 },
      [1, 2, 3].map((n) => change(n)),
    );
    expect(deliveries.map((d) => d.eventIds)).toEqual([['event-1', 'event-2'], ['event-3']]);
    expect(deliveries[0]?.oldestChangeAt).toBe(Date.parse('2026-12-01T10:00:01Z'));
  });

  test('when only some events are wanted, then the others are not delivered', () => {
    const deliveries = toDeliveries('customers', { events: ['archive'], batchSize: 1 }, [
      change(1, 'create'),
      change(2, 'archive'),
    ]);
    expect(deliveries.map((d) => d.eventIds)).toEqual([['event-2']]);
  });

  test('when the same events are turned into deliveries twice, then the ids are the same, and differ per endpoint', () => {
    const once = toDeliveries('customers', all, [change(1)]);
    expect(toDeliveries('customers', all, [change(1)])).toEqual(once);
    expect(toDeliveries('contacts', all, [change(1)])[0]?.id).not.toBe(once[0]?.id);
  });
});

describe('signing', () => {
  test('when a body is signed, then the signature is HMAC-SHA256 in hex (RFC 4231 test case 2)', () => {
    expect(signature('Jefe', 'what do ya want for nothing?')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  test('when headers are built, then each auth type adds its own proof and nothing else', () => {
    const base = {
      'Content-Type': 'application/json',
      'X-Gateway-Delivery': 'd1',
      'X-Gateway-Endpoint': 'customers',
    };
    expect(deliveryHeaders('customers', 'd1', { type: 'none' }, '{}')).toMatchObject(base);
    expect(deliveryHeaders('customers', 'd1', { type: 'none' }, '{}')).not.toHaveProperty('Authorization');
    expect(deliveryHeaders('customers', 'd1', { type: 'bearer', token: 't0k' }, '{}').Authorization).toBe(
      'Bearer t0k',
    );
    expect(
      deliveryHeaders('customers', 'd1', { type: 'basic', username: 'shop', password: 'pw' }, '{}')
        .Authorization,
    ).toBe(`Basic ${Buffer.from('shop:pw').toString('base64')}`);
    const hmac = deliveryHeaders('customers', 'd1', { type: 'hmac', secret: 'k' }, '{"a":1}');
    expect(hmac['X-Signature']).toBe(signature('k', '{"a":1}'));
    expect(hmac).not.toHaveProperty('Authorization');
  });
});

describe('backoff', () => {
  const backoff = { initialMs: 1000, maxMs: 300_000 };

  test('when attempts fail, then the wait doubles from initial_ms up to max_ms, jittered between half and all of it', () => {
    expect(retryDelayMs(backoff, 1, () => 0.999999)).toBe(1000);
    expect(retryDelayMs(backoff, 1, () => 0)).toBe(500);
    expect(retryDelayMs(backoff, 4, () => 0.999999)).toBe(8000);
    expect(retryDelayMs(backoff, 30, () => 0.999999)).toBe(300_000);
    expect(retryDelayMs(backoff, 10_000, () => 0)).toBe(150_000);
  });

  test('when a receiver sends Retry-After, then seconds and HTTP dates are read, and junk is ignored', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  test.each(['-5', '3.5', '1e3', '2026-12-01', 'Tue, 01 Dec 2026 10:00:30'])(
    'when Retry-After is %j (neither whole seconds nor an HTTP date), then it is ignored',
    (header) => {
      expect(retryAfterMs(header, Date.parse('2026-12-01T10:00:00Z'))).toBeUndefined();
    },
  );

  test('when Retry-After is in the obsolete RFC 850 or asctime form, then it is read as GMT', () => {
    const now = Date.parse('1994-11-06T08:49:00Z');
    expect(retryAfterMs('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(37_000);
    expect(retryAfterMs('Sun Nov  6 08:49:37 1994', now)).toBe(37_000);
  });

  test('when a receiver asks for less than the backoff (Retry-After: 0), then the backoff is waited; for more, up to max_ms', () => {
    const backoff = { initialMs: 1000, maxMs: 300_000 };
    expect(retryWaitMs(backoff, 1, 0, () => 0.999999)).toBe(1000);
    expect(retryWaitMs(backoff, 1, undefined, () => 0)).toBe(500);
    expect(retryWaitMs(backoff, 1, 7000, () => 0)).toBe(7000);
    expect(retryWaitMs(backoff, 1, 10_000_000, () => 0)).toBe(300_000);
  });
});
