/**
 * batch_size above the poller's page of 100 changes: the receiver gets POSTs as large as configured,
 * over real HTTP, for partners created inside Odoo (the simulator's controls).
 */
import { usePushingGateway } from './support/outbound-config';
import { waitFor } from './support/waiting';

describe('outbound batches', () => {
  const pushing = usePushingGateway('  interval_s: 1\n  batch_size: 150\n');

  test('when 150 partners change at once and batch_size is 150, then they arrive in one POST', async () => {
    const refs = Array.from({ length: 150 }, (_, k) => `BATCH-${k}`);
    pushing.h.sim.controls.odoo.create(
      'res.partner',
      refs.map((ref) => ({ name: ref, ref, customer_rank: 1 })),
    );
    const { receiver } = pushing;
    await waitFor(async () => receiver.events().length >= refs.length, 10_000);
    expect(receiver.received.map((request) => request.body.events.length)).toEqual([150]);
    expect(receiver.events().map((event) => event.record.ref)).toEqual(refs);
  });
});
