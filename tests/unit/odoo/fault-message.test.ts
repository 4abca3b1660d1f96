import { readableFaultLine, scrubMessage } from '../../../src/odoo/fault-message';

describe('readableFaultLine', () => {
  it('when the fault is a traceback ending in blank lines, then the last non-empty line is used', () => {
    expect(readableFaultLine('Traceback (most recent call last):\n  ...\nValueError: Bad value\n\n')).toBe(
      'Bad value',
    );
  });

  it('when the fault is a UserError with details on later lines, then the first line is used', () => {
    expect(
      readableFaultLine('Record does not exist or has been deleted.\n(Record: res.partner(9,), User: 2)'),
    ).toBe('Record does not exist or has been deleted.');
  });

  it('when the text merely contains a colon, then it is not mistaken for an exception name', () => {
    expect(readableFaultLine('The operation cannot be completed: Contacts require a name')).toBe(
      'The operation cannot be completed: Contacts require a name',
    );
  });
});

describe('scrubMessage', () => {
  it('when a message is longer than 300 characters, then it is cut with an ellipsis', () => {
    const out = scrubMessage('x'.repeat(1000));
    expect(out).toHaveLength(300);
    expect(out.endsWith('…')).toBe(true);
  });

  it('when a message holds a Windows path, then the path is removed', () => {
    expect(scrubMessage('cannot open C:\\odoo\\data\\file.txt now')).toBe('cannot open … now');
  });

  it('when a secret is shorter than 3 characters, then the message is left readable', () => {
    expect(scrubMessage('a bad value', ['a'])).toBe('a bad value');
  });
});
