import { ValidationError } from '../../../src/errors/errors';
import { abortedIfAnyFailed } from '../../../src/records/write-checks';
import { WriteItem, failed, outcomesOf } from '../../../src/records/write-item';
import { decide, failDuplicates, initialItems } from '../../../src/records/write-plan';
import { endpoint, line } from '../../support/gateway-config-builder';

const partners = endpoint('partners', 'res.partner', [line('ref', { identifier: true }), line('name')]);
const upserting = { ...partners, upsert: true };
const fields = { ref: { type: 'char' as const, string: 'Reference' } };

describe('write plan stages', () => {
  test('when a body is not an object or a PUT names no record, then its item is settled with a 400', () => {
    const items = initialItems(partners, [{ body: 42 }, { body: { name: 'x' } }], 'PUT', fields, undefined);
    expect(outcomesOf(items).map((outcome) => !outcome.ok && outcome.error.status)).toEqual([400, 400]);
  });

  test('when a resumed attempt saved an item, then the item starts settled with that save', () => {
    const resume = {
      saved: new Map([[0, { index: 0, ok: true as const, id: 7, created: true }]]),
      unknown: new Map(),
    };
    const [item] = initialItems(partners, [{ body: { ref: 'A' } }], 'POST', fields, resume);
    expect(item?.settled).toEqual({ index: 0, ok: true, id: 7, created: true });
  });

  test('when two items name the same record, then the later one fails and the input items are unchanged', () => {
    const items = initialItems(
      partners,
      [{ body: { ref: 'A' } }, { body: { ref: 'A' } }],
      'POST',
      fields,
      undefined,
    );
    const before = JSON.stringify(items);
    const checked = failDuplicates(partners, items);
    expect(checked[0]).toBe(items[0]);
    expect(checked[1]?.settled).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(JSON.stringify(items)).toBe(before);
  });

  test('when the record exists, then a POST conflicts, an upsert updates and a lost create is reported as done', () => {
    const item = { index: 0, body: { ref: 'A' }, target: 'A' };
    expect(decide(partners, 'POST', item, [5], undefined).settled).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    expect(decide(upserting, 'POST', item, [5], undefined)).toMatchObject({ mode: 'update', existingId: 5 });
    expect(decide(upserting, 'POST', item, [5], 'create').settled).toEqual({
      index: 0,
      ok: true,
      id: 5,
      created: true,
    });
    expect(decide(upserting, 'PUT', item, [], undefined)).toMatchObject({
      mode: 'create',
      body: { ref: 'A' },
    });
  });

  test('when an atomic batch has a failed item, then every open item is settled as not saved', () => {
    const items: WriteItem[] = [failed({ index: 0 }, new ValidationError('bad')), { index: 1, body: {} }];
    const [first, second] = abortedIfAnyFailed(items);
    expect(first).toBe(items[0]);
    expect(second?.settled).toMatchObject({ ok: false, error: { code: 'BATCH_ABORTED', status: 424 } });
  });
});
