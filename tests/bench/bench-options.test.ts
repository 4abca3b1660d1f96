import { OptionsError, parseOptions } from '../../bench/options';

describe('bench options', () => {
  test('when no option is given, then every row runs at 0 and 10 ms against the simulator with 1,000 customers', () => {
    const options = parseOptions([]);
    expect(options.odoo).toBeUndefined();
    expect(options.latencies).toEqual([0, 10]);
    expect(options.syncSize).toBe(1000);
    expect([...options.rows]).toEqual([
      'get-one',
      'list',
      'post',
      'put',
      'sync',
      'memory',
      'startup',
      'simulator',
    ]);
    expect(options.outDir).toBe('bench/results');
  });

  test('when --quick and --rows are given, then the run is short and only those rows run', () => {
    const options = parseOptions(['--quick', '--rows', 'sync,get-one']);
    expect(options.quick).toBe(true);
    expect(options.durationS).toBe(1);
    expect(options.syncSize).toBeLessThan(1000);
    expect([...options.rows]).toEqual(['sync', 'get-one']);
  });

  test('when a real Odoo is named, then its credentials are kept and the simulated latencies are dropped', () => {
    const options = parseOptions([
      '--odoo-url',
      'https://erp.example.com',
      '--db',
      'prod',
      '--user',
      'api',
      '--password=s3cret',
    ]);
    expect(options.odoo).toEqual({
      url: 'https://erp.example.com',
      db: 'prod',
      username: 'api',
      password: 's3cret',
    });
    expect(options.latencies).toEqual([0]);
  });

  test('when the password is left out but ODOO_PASSWORD is set, then the environment supplies it', () => {
    const options = parseOptions(['--odoo-url', 'http://odoo:8069', '--db', 'd', '--user', 'u'], {
      ODOO_PASSWORD: 'pw',
    });
    expect(options.odoo?.password).toBe('pw');
  });

  test.each([
    [['--rows', 'get-one,bogus'], /unknown row\(s\) bogus/],
    [['--latency', '10,-1'], /comma list of milliseconds/],
    [['--connections', '2.5'], /whole number/],
    [['--odoo-url', 'http://odoo:8069', '--db', 'd'], /needs --db, --user and --password/],
    [['--db', 'd'], /only meaningful with --odoo-url/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['--duration'], /--duration needs a value/],
    [['--write-docs', '--quick'], /full default run only; drop --quick/],
  ])('when given %j, then it is refused with a message that says why', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(OptionsError);
    expect(() => parseOptions(argv)).toThrow(message);
  });
});
