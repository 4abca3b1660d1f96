import { ExpressionError, evaluateExpression, expressionFieldNames } from '../../../src/mapping/expressions';

describe('evaluateExpression', () => {
  test('when an expression is well-behaved, then its value comes back', async () => {
    await expect(
      evaluateExpression("name & ' <' & (email ? email : '-') & '>'", { name: 'Ada', email: false }),
    ).resolves.toBe('Ada <->');
  });

  test('when an expression loops for ever, then it is stopped by the time limit', async () => {
    const started = Date.now();
    const runaway = evaluateExpression('$count([1..3000000].($ * 2))', {});
    await expect(runaway).rejects.toThrow(ExpressionError);
    await expect(runaway).rejects.toThrow(/longer than 100 ms|sequence longer/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('when an expression recurses without end, then it is stopped by the depth limit', async () => {
    const recursion = evaluateExpression(
      '($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000))',
      {},
    );
    await expect(recursion).rejects.toThrow(/deeper than 200 levels|longer than 100 ms/);
  });

  test('when an expression fails at run time, then the error says so without a stack', async () => {
    await expect(evaluateExpression('$number("abc")', {})).rejects.toThrow(/^expression failed: /);
  });

  test('when an expression reads fields, then their top-level names are listed', () => {
    expect(expressionFieldNames("name & ' ' & (email ? email : '-')").sort()).toEqual(['email', 'name']);
  });
});
