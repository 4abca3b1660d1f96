import { FinishedWrite, auditEvents } from '../../../src/http/audit-events';

function write(overrides: Partial<FinishedWrite>): FinishedWrite {
  return {
    at: 1_700_000_000_000,
    endpoint: 'customers',
    method: 'POST',
    caller: 'shop',
    identifierKey: 'customer_id',
    requestBody: { customer_id: 'C-1', name: 'One' },
    status: 201,
    responseBody: { success: true, message: 'Record created', id: 7 },
    requestId: 'req-1',
    durationMs: 12.5,
    odooCalls: 3,
    ...overrides,
  };
}

describe('auditEvents', () => {
  test('when one record is created, then one row names its identifier, id and outcome', () => {
    expect(auditEvents(write({}))).toEqual([
      expect.objectContaining({
        identifier: 'C-1',
        odooIds: [7],
        outcome: 'created',
        status: 201,
        caller: 'shop',
        requestId: 'req-1',
        odooCalls: 3,
      }),
    ]);
  });

  test('when a batch is answered, then each item gets a row with its own outcome and no Odoo calls', () => {
    const events = auditEvents(
      write({
        requestBody: [{ customer_id: 'A' }, { customer_id: 'B' }],
        status: 200,
        responseBody: {
          results: [
            { index: 0, success: true, id: 1, message: 'Record updated' },
            { index: 1, success: false, status_code: 'ODOO_TIMEOUT' },
          ],
        },
      }),
    );
    expect(
      events.map((event) => [event.batchIndex, event.identifier, event.outcome, event.odooCalls]),
    ).toEqual([
      [undefined, undefined, 'unknown', 3],
      [0, 'A', 'updated', 0],
      [1, 'B', 'unknown', 0],
    ]);
    expect(events[0]?.odooIds).toEqual([1]);
  });

  test('when the answer is an error, then the row is failed with its code and a batch gets no item rows', () => {
    const events = auditEvents(
      write({
        requestBody: [{ customer_id: 'A' }],
        status: 413,
        responseBody: { status_code: 'PAYLOAD_TOO_LARGE' },
      }),
    );
    expect(events).toEqual([expect.objectContaining({ outcome: 'failed', errorCode: 'PAYLOAD_TOO_LARGE' })]);
  });

  test('when a DELETE names the record in the path, then the row is deleted with that identifier', () => {
    const [event] = auditEvents(
      write({
        method: 'DELETE',
        pathIdentifier: 'C-9',
        requestBody: undefined,
        status: 200,
        responseBody: { id: 9 },
      }),
    );
    expect(event).toMatchObject({ identifier: 'C-9', outcome: 'deleted', odooIds: [9] });
  });

  test('when the client left before the answer, then the outcome is unknown', () => {
    expect(auditEvents(write({ status: 499, responseBody: undefined }))[0]?.outcome).toBe('unknown');
  });

  test('when payloads are kept, then the body is redacted and capped; otherwise it is absent', () => {
    const body = { customer_id: 'C-1', password: 'hunter2', note: 'x'.repeat(500) };
    const [kept] = auditEvents(write({ requestBody: body, payloadMaxChars: 100 }));
    expect(kept?.payload).not.toContain('hunter2');
    expect(kept?.payload?.length).toBeLessThanOrEqual(100);
    expect(auditEvents(write({ requestBody: body }))[0]).not.toHaveProperty('payload');
  });
});
