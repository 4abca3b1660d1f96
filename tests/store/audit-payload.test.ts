/** What the audit trail keeps of a request body when payload capture is on. */
import { capturePayload } from '../../src/store/audit-payload';

describe('capturePayload', () => {
  test('when the body holds secrets, then they are redacted as in the logs', () => {
    const text = capturePayload({ name: 'Acme', password: 'hunter2', note: 'Authorization: Bearer abc.def' });
    expect(text).toBeDefined();
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('abc.def');
    expect(JSON.parse(text ?? '')).toMatchObject({ name: 'Acme', password: '[REDACTED]' });
  });

  test('when the body is larger than the cap, then it is cut to the cap and marked', () => {
    const text = capturePayload({ items: 'x'.repeat(5000) }, 100) ?? '';
    expect(text).toHaveLength(100);
    expect(text.endsWith('…[truncated]')).toBe(true);
  });

  test('when there is no body, then nothing is captured', () => {
    expect(capturePayload(undefined)).toBeUndefined();
  });
});
