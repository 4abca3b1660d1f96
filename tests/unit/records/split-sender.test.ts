import { OdooTimeoutError, OdooValidationError } from '../../../src/errors/errors';
import { SplitSender } from '../../../src/records/split-sender';

/** A fake Odoo call refusing any part that holds a bad entry; records the parts it was sent. */
function fakeCall(bad: ReadonlySet<string>) {
  const parts: string[][] = [];
  const call = async (part: readonly string[]) => {
    parts.push([...part]);
    if (part.some((entry) => bad.has(entry))) throw new OdooValidationError(`refused ${part.join(',')}`);
    return part.map((entry) => entry.toUpperCase());
  };
  return { parts, call };
}

describe('SplitSender', () => {
  test('when Odoo refuses one entry of a call, then halves isolate it and the others are saved', async () => {
    const { parts, call } = fakeCall(new Set(['c']));
    const results = await new SplitSender(true).send(['a', 'b', 'c', 'd'], call);
    expect(results.map((result) => (result.ok ? result.value : result.why))).toEqual([
      'A',
      'B',
      'refused',
      'D',
    ]);
    expect(parts).toEqual([['a', 'b', 'c', 'd'], ['a', 'b'], ['c', 'd'], ['c'], ['d']]);
  });

  test('when splitting is off (atomic), then a refusal is every entry’s answer after one call', async () => {
    const { parts, call } = fakeCall(new Set(['a']));
    const results = await new SplitSender(false).send(['a', 'b'], call);
    expect(results.every((result) => !result.ok && result.why === 'refused')).toBe(true);
    expect(parts).toHaveLength(1);
  });

  test('when a call times out, then it is not split and later calls of the sender are not sent', async () => {
    const sender = new SplitSender(true);
    const timedOut = await sender.send(['a', 'b'], async () => {
      throw new OdooTimeoutError('late');
    });
    const { parts, call } = fakeCall(new Set());
    const after = await sender.send(['c'], call);
    expect(timedOut.map((result) => !result.ok && result.why)).toEqual(['failed', 'failed']);
    expect(after).toMatchObject([{ ok: false, why: 'not-sent', error: { code: 'ODOO_TIMEOUT' } }]);
    expect(parts).toHaveLength(0);
  });
});
