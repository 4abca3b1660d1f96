import { firstOfTuple, readableFaultLine, scrubMessage } from '../../../src/odoo/fault-message';

describe('fault lines an outside probe saw', () => {
  it('when a PostgreSQL traceback ends with a caret line, then the error sentence is used', () => {
    const fault =
      'Traceback (most recent call last):\n  File "/odoo/sql_db.py", line 354, in execute\n' +
      'psycopg2.errors.NumericValueOutOfRange: value "3000000000" is out of range for type integer\n' +
      'LINE 1: ...FROM "res_partner" WHERE ("res_partner"."id" IN (3000000000))\n' +
      '                                                            ^\n';
    expect(readableFaultLine(fault)).toBe('value "3000000000" is out of range for type integer');
  });

  it('when a fault holds only punctuation, then the message is a generic sentence', () => {
    expect(readableFaultLine('Traceback (most recent call last):\n  ^\n')).toBe('Odoo reported an error');
    expect(scrubMessage('^')).toBe('Odoo reported an error');
  });

  it('when a redirect warning arrives as a Python tuple, then only its message is kept', () => {
    const fault =
      "('You cannot delete a partner linked to an active user.', 83, 'Go to users', {'active_ids': [6]})";
    expect(readableFaultLine(fault)).toBe('You cannot delete a partner linked to an active user.');
  });

  it("when the tuple's message holds a quote, then Python's double-quoted repr is read too", () => {
    expect(firstOfTuple("(\"Can't do that.\", 12, 'Open', None)")).toBe("Can't do that.");
    expect(firstOfTuple("('It\\'s escaped.', 12)")).toBe("It's escaped.");
  });

  it('when a message merely starts with a parenthesis, then it is left as it is', () => {
    expect(firstOfTuple('(Draft) orders cannot be confirmed')).toBe('(Draft) orders cannot be confirmed');
  });
});
