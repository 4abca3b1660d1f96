import { ConfigError, formatProblem } from '../../../src/config/config-error';
import { didYouMean } from '../../../src/config/did-you-mean';
import { checkDomain } from '../../../src/config/domain-check';
import { interpolate, InterpolationProblem } from '../../../src/config/interpolate';

describe('didYouMean', () => {
  test('when a key has a typo, a swap or another case, then the closest allowed key is suggested', () => {
    expect(didYouMean('feild', ['field', 'key'])).toBe('did you mean "field"?');
    expect(didYouMean('computeIn', ['compute', 'compute_in'])).toBe('did you mean "compute_in"?');
    expect(didYouMean('Direction', ['direction'])).toBe('did you mean "direction"?');
  });

  test('when nothing is close, then there is no suggestion', () => {
    expect(didYouMean('colour', ['field', 'key', 'mapping'])).toBeUndefined();
  });
});

describe('interpolate', () => {
  const run = (value: unknown, env: Record<string, string | undefined>) => {
    const problems: InterpolationProblem[] = [];
    return { value: interpolate(value, env, (problem) => problems.push(problem)), problems };
  };

  test('when strings hold variables, then every nested string is interpolated and other values kept', () => {
    const { value, problems } = run({ a: ['x-${A}-${B:-b}', 3, true], c: { d: '${A}' } }, { A: '1' });
    expect(value).toEqual({ a: ['x-1-b', 3, true], c: { d: '1' } });
    expect(problems).toEqual([]);
  });

  test('when $${ is written, then a literal ${ comes out and nothing is looked up', () => {
    expect(run('cost: $${PRICE} $5', {}).value).toBe('cost: ${PRICE} $5');
  });

  test('when an environment value holds ${...}, then it is not interpolated again', () => {
    expect(run('${A}', { A: '${B}', B: 'no' }).value).toBe('${B}');
  });

  test('when a variable is set but empty and has no default, then it is empty (not an error)', () => {
    expect(run('[${A}]', { A: '' })).toEqual({ value: '[]', problems: [] });
  });

  test('when ${ is malformed, then the problem says how to write it', () => {
    expect(run({ k: '${1A}' }, {}).problems).toEqual([
      {
        keyPath: ['k'],
        message: 'malformed `${...}`',
        hint: 'write ${NAME} or ${NAME:-default}, or $${ for a literal ${',
      },
    ]);
  });
});

describe('checkDomain', () => {
  const problemsOf = (domain: unknown[]): string[] => {
    const found: string[] = [];
    checkDomain(domain, ['domain'], (keyPath, message) => found.push(`${keyPath.join('/')}: ${message}`));
    return found;
  };

  test('when a domain is well-formed prefix notation, then it passes', () => {
    expect(problemsOf([])).toEqual([]);
    expect(problemsOf(['&', ['a', '=', 1], '|', ['b', '!=', false], '!', ['c.d', 'in', [1, 2]]])).toEqual([]);
    expect(
      problemsOf([
        ['a', '=', 1],
        ['b', 'ilike', 'x'],
      ]),
    ).toEqual([]); // implicit AND
    expect(problemsOf([[1, '=', 1]])).toEqual([]); // TRUE_LEAF
    expect(problemsOf([['child_ids', 'any', [['email', '=like', '%@x.test']]]])).toEqual([]);
  });

  test('when an operator lacks terms, then the operator is named', () => {
    expect(problemsOf(['!'])).toEqual(['domain/0: "!" takes one term after it, found 0']);
    expect(problemsOf(['&', '|', ['a', '=', 1], ['b', '=', 2]])).toEqual([
      'domain/0: "&" takes two terms after it, found 1',
    ]);
  });

  test('when a leaf is wrong, then the exact item is named', () => {
    expect(problemsOf([['a b', '=', 1]])).toEqual([
      'domain/0/0: must be an Odoo field name (or a dotted path such as country_id.code)',
    ]);
    expect(problemsOf([['a', 'in', 1]])).toEqual(['domain/0/2: the operator "in" takes a list of values']);
    expect(problemsOf([['a', 'any', [['b', '~', 1]]]])).toEqual(['domain/0/2/0/1: unknown operator "~"']);
  });
});

describe('ConfigError', () => {
  test('when built from problems, then the message lists them by file and line, one per line', () => {
    const error = new ConfigError([
      { file: 'b.yaml', line: 3, key: 'x', message: 'bad' },
      { file: 'a.yaml', line: 9, key: 'fields[1].key', message: 'is required' },
      { file: 'a.yaml', line: 2, key: '', message: 'invalid YAML: oops', hint: 'quote it' },
    ]);
    expect(error.message).toBe(
      [
        'a.yaml:2: invalid YAML: oops (quote it)',
        'a.yaml:9 fields[1].key: is required',
        'b.yaml:3 x: bad',
      ].join('\n'),
    );
    expect(error.problems).toHaveLength(3);
  });

  test('when a problem has no line, then only the file is shown', () => {
    expect(formatProblem({ file: 'config/gateway.yaml', line: 0, key: '', message: 'file not found' })).toBe(
      'config/gateway.yaml: file not found',
    );
  });
});
