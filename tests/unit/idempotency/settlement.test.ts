import { OdooTimeoutError, OdooUnavailableError, ValidationError } from '../../../src/errors/errors';
import { settlementFor, toResumeState } from '../../../src/idempotency/settlement';
import { ItemOutcome } from '../../../src/records/write-outcome';

const saved: ItemOutcome = { index: 0, ok: true, id: 9, created: true };
const invalid: ItemOutcome = { index: 1, ok: false, error: new ValidationError('bad') };
const lost: ItemOutcome = { index: 2, ok: false, error: new OdooTimeoutError('late'), unknown: 'create' };
const notSent: ItemOutcome = { index: 3, ok: false, error: new OdooUnavailableError('not sent') };

describe('settlementFor', () => {
  test('when every item is final, then the response is kept for replay', () => {
    const response = { status: 200, body: { success: false } };
    expect(settlementFor(response, [saved, invalid])).toEqual({ kind: 'done', response });
  });

  test('when an item outcome is unknown or it was not sent, then the key stays open to resume', () => {
    const settlement = settlementFor({ status: 200, body: {} }, [saved, invalid, lost, notSent]);
    expect(settlement).toEqual({
      kind: 'resumable',
      resume: { saved: [{ index: 0, id: 9, created: true }], unknown: [{ index: 2, mode: 'create' }] },
    });
  });

  test('when a 5xx came before any write, then the key is released; a 4xx is kept', () => {
    expect(settlementFor({ status: 503, body: {} }, undefined)).toEqual({ kind: 'release' });
    expect(settlementFor({ status: 400, body: {} }, undefined)).toMatchObject({ kind: 'done' });
  });

  test('when the write was saved but the answer failed (e.g. a read after it), then a retry reuses the save', () => {
    expect(settlementFor({ status: 504, body: {} }, [saved])).toMatchObject({
      kind: 'resumable',
      resume: { saved: [{ index: 0, id: 9, created: true }] },
    });
  });

  test('when a stored resume is turned back into state, then saved items and lost writes are by index', () => {
    const state = toResumeState({
      saved: [{ index: 0, id: 9, created: true }],
      unknown: [{ index: 2, mode: 'update' }],
    });
    expect(state?.saved.get(0)).toEqual({ index: 0, id: 9, created: true, ok: true });
    expect(state?.unknown.get(2)).toBe('update');
    expect(toResumeState(undefined)).toBeUndefined();
  });
});
