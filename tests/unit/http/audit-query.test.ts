import { parseAuditQuery, parseTime } from '../../../src/http/audit-query';
import { InvalidQueryError } from '../../../src/errors/errors';

const NOW = Date.parse('2026-05-01T12:00:00Z');

describe('parseAuditQuery', () => {
  test('when every filter is given, then each becomes its typed form', () => {
    expect(
      parseAuditQuery(
        {
          endpoint: 'customers',
          status: '409',
          since: '1h',
          until: '2026-05-01T11:30:00Z',
          request_id: 'r-1',
          identifier: 'C-1',
          limit: '10',
          offset: '20',
        },
        NOW,
      ),
    ).toEqual({
      endpoint: 'customers',
      status: 409,
      since: NOW - 3_600_000,
      until: Date.parse('2026-05-01T11:30:00Z'),
      requestId: 'r-1',
      identifier: 'C-1',
      limit: 10,
      offset: 20,
    });
  });

  test('when nothing is given, then the list API paging defaults apply', () => {
    expect(parseAuditQuery({}, NOW)).toEqual({ limit: 50, offset: 0 });
  });

  test.each([
    [{ colour: 'red' }, 'colour'],
    [{ status: '99' }, 'status'],
    [{ limit: '501' }, 'limit'],
    [{ offset: '-1' }, 'offset'],
    [{ since: 'last tuesday' }, 'since'],
    [{ endpoint: ['a', 'b'] }, 'endpoint'],
  ])('when the query is %j, then it is a 400 naming %s', (query, name) => {
    expect(() => parseAuditQuery(query, NOW)).toThrow(InvalidQueryError);
    expect(() => parseAuditQuery(query, NOW)).toThrow(new RegExp(`^${name}:`));
  });
});

describe('parseTime', () => {
  test('when given a span, epoch milliseconds or ISO 8601, then it is a point in time', () => {
    expect(parseTime('90s', NOW)).toBe(NOW - 90_000);
    expect(parseTime('7d', NOW)).toBe(NOW - 7 * 86_400_000);
    expect(parseTime('1700000000000', NOW)).toBe(1_700_000_000_000);
    expect(parseTime('2026-05-01T00:00:00Z', NOW)).toBe(Date.parse('2026-05-01T00:00:00Z'));
    expect(parseTime('soon', NOW)).toBeUndefined();
  });
});
