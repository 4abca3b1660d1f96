/**
 * How long the push waits after a receiver's 503, over real HTTP: never less than its own backoff,
 * whatever Retry-After says (junk, 0), so a receiver cannot make it burn max_attempts in milliseconds.
 */
import { usePushingGateway } from './support/outbound-config';
import { defaultAnswer } from './support/outbound-receiver';
import { waitFor } from './support/waiting';

/** Backoff 800 ms × jitter 0.5–1.0: a retry comes 400 ms after the failure at the earliest. */
const INITIAL_MS = 800;

describe('the wait before a retry', () => {
  const pushing = usePushingGateway(
    `  interval_s: 1\n  max_attempts: 5\n  backoff: { initial_ms: ${INITIAL_MS}, max_ms: 2000 }\n`,
  );
  let serial = 0;

  test.each(['-5', '3.5', '0'])(
    'when the receiver answers 503 with Retry-After: %s, then the retry waits the backoff',
    async (retryAfter) => {
      const { h, receiver } = pushing;
      const ref = `WAIT-${++serial}`;
      const attempts = () => receiver.received.filter((r) => r.body.events[0]?.record.ref === ref);
      receiver.answer = (r) =>
        r.body.events[0]?.record.ref === ref && attempts().length === 1
          ? { status: 503, headers: { 'Retry-After': retryAfter } }
          : defaultAnswer(r);
      h.sim.controls.odoo.create('res.partner', [{ name: `Wait ${serial}`, ref, customer_rank: 1 }]);
      await waitFor(async () => attempts().length === 2, 8000);
      const [first, second] = attempts();
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(INITIAL_MS / 2);
    },
  );
});
