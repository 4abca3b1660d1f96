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
      'transports',
      'store',
      'push',
    ]);
    expect(options.pushSize).toBe(10_000);
    expect(options.outDir).toBe('bench/results');
    expect(options.statelessMs).toBe(30);
    expect(options.readPlan).toBe('auto');
  });

  test('when --quick and --rows are given, then the run is short and only those rows run', () => {
    const options = parseOptions(['--quick', '--rows', 'sync,get-one']);
    expect(options.quick).toBe(true);
    expect(options.durationS).toBe(1);
    expect(options.syncSize).toBeLessThan(1000);
    expect(options.pushSize).toBe(1000);
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

  test('when --stateless-ms and --read-plan are given, then the transports row models that cost and uses that plan', () => {
    const options = parseOptions(['--rows', 'transports', '--stateless-ms', '60', '--read-plan=classic']);
    expect([...options.rows]).toEqual(['transports']);
    expect(options.statelessMs).toBe(60);
    expect(options.readPlan).toBe('classic');
    expect(parseOptions(['--stateless-ms', '0']).statelessMs).toBe(0);
  });

  test('when a real Odoo is named with an API key, from the flag or ODOO_API_KEY, then JSON-2 gets it', () => {
    const real = ['--odoo-url', 'http://odoo:8069', '--db', 'd', '--user', 'u', '--password', 'pw'];
    expect(parseOptions([...real, '--api-key', 'k1']).odoo?.apiKey).toBe('k1');
    expect(parseOptions(real, { ODOO_API_KEY: 'k2' }).odoo?.apiKey).toBe('k2');
    expect(parseOptions(real).odoo).not.toHaveProperty('apiKey');
  });

  test.each([
    [['--stateless-ms', '-5'], /--stateless-ms takes milliseconds/],
    [['--read-plan', 'fast'], /--read-plan is auto, classic or web/],
    [['--api-key', 'k'], /--api-key is only meaningful with --odoo-url/],
    [['--write-docs', '--stateless-ms', '40'], /full default run only; drop --stateless-ms/],
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
