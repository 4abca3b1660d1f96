import { PyFloat } from '../../../src/simulator/wire/py-repr';
import { pyJsonDumps } from '../../../src/simulator/wire/py-json';
import { pythonJsonError } from '../../../src/simulator/wire/py-json-error';

describe("Python's json.dumps as Odoo answers", () => {
  test('when values are dumped, then separators, floats and missing keys read like Python', () => {
    expect(pyJsonDumps({ a: [1, 2.5, new PyFloat(3)], b: null, c: undefined, d: 'é"' })).toBe(
      '{"a": [1, 2.5, 3.0], "b": null, "d": "é\\""}',
    );
  });
});

describe("Python's json.loads error messages", () => {
  test.each([
    ['{"domain": [}', 'Expecting value: line 1 column 13 (char 12)'],
    ['', 'Expecting value: line 1 column 1 (char 0)'],
    ['{domain: 1}', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
    ['[1 2]', "Expecting ',' delimiter: line 1 column 4 (char 3)"],
    ['{"a": "b', 'Unterminated string starting at: line 1 column 7 (char 6)'],
    ['{}\n{}', 'Extra data: line 2 column 1 (char 3)'],
  ])('when %j is parsed, then Python says %s', (text, message) => {
    expect(pythonJsonError(text)).toBe(message);
  });
});
