/**
 * The receiver down for 30 s (as the issue says: real time, this suite's one long test) while
 * partners keep changing inside Odoo, then back: every change arrives, and an event that arrives
 * twice carries the same event id and the same content.
 */
import { usePushingGateway } from './support/outbound-config';
import { ReceivedEvent } from './support/outbound-receiver';
import { sleep, waitFor } from './support/waiting';

const DOWN_MS = 30_000;

describe('outbound push while the receiver is down', () => {
  const pushing = usePushingGateway(
    '  interval_s: 1\n  max_attempts: 100\n  backoff: { initial_ms: 500, max_ms: 2000 }\n',
  );

  test('when the receiver is down for 30 s and comes back, then every change is delivered, repeats with the same event id', async () => {
    const { h, receiver } = pushing;
    await receiver.down();
    const refs: string[] = [];
    const create = (n: number) => {
      const ref = `DOWN-${n}`;
      const [id] = h.sim.controls.odoo.create('res.partner', [{ name: `Down ${n}`, ref, customer_rank: 1 }]);
      refs.push(ref);
      return id as number;
    };
    const first = create(1);
    create(2);
    await sleep(DOWN_MS / 3);
    h.sim.controls.odoo.write('res.partner', [first], { name: 'Down 1, renamed' });
    create(3);
    await sleep(DOWN_MS / 3);
    h.sim.controls.odoo.archive('res.partner', [first]);
    create(4);
    await sleep(DOWN_MS / 3);
    expect(receiver.received).toEqual([]);
    expect(await h.metricsText()).toMatch(
      /gateway_outbound_deliveries_total\{endpoint="partners",outcome="retried"\} [1-9]/,
    );

    await receiver.up();
    const events = () => receiver.events();
    await waitFor(async () => events().length >= 6, 10_000);

    const byRef = (ref: string) => events().filter((event) => event.record.ref === ref);
    for (const ref of refs) expect(byRef(ref).map((event) => event.event)).toContain('create');
    expect(byRef('DOWN-1').find((event) => event.event === 'update')?.record.name).toBe('Down 1, renamed');
    expect(byRef('DOWN-1').find((event) => event.event === 'archive')?.record).toEqual({
      ref: 'DOWN-1',
      deleted: true,
    });
    // At least once: a repeat is the same event (same id, same content), never a new id for it.
    const seen = new Map<string, ReceivedEvent>();
    for (const event of events()) {
      const earlier = seen.get(event.event_id);
      if (earlier) expect(event).toEqual(earlier);
      seen.set(event.event_id, event);
    }
    expect(seen.size).toBe(6);
    expect(receiver.received.every((request) => request.signatureOk)).toBe(true);
    const dead = await h.store.outbound.list('partners', 'dead', 10, 0);
    expect(dead.total).toBe(0);
  }, 90_000);
});
