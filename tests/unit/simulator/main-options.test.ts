import { simulatorOptionsFrom } from '../../../src/simulator/main-options';

describe('npm run simulator options', () => {
  test('when nothing is set, then an Odoo 18 single-database simulator on 8069 with demo data', () => {
    expect(simulatorOptionsFrom({}, [])).toEqual({
      port: 8069,
      host: '127.0.0.1',
      version: 18,
      multiDb: false,
      statelessCallMs: 0,
      latencyMs: 0,
      db: 'odoo',
      seed: 'demo',
    });
  });

  test('when env and flags are both given, then the flags win', () => {
    const env = { SIMULATOR_VERSION: '17', SIMULATOR_MULTI_DB: '1', SIMULATOR_STATELESS_MS: '30' };
    expect(simulatorOptionsFrom(env, ['--version=19', '--stateless-ms=40'])).toMatchObject({
      version: 19,
      multiDb: true,
      statelessCallMs: 40,
    });
    expect(simulatorOptionsFrom({}, ['--multi-db'])).toMatchObject({ multiDb: true });
  });

  test('when a value is out of range, then a clear error names the option', () => {
    expect(() => simulatorOptionsFrom({ SIMULATOR_VERSION: '16' }, [])).toThrow(
      'version must be one of 17, 18, 19',
    );
    expect(() => simulatorOptionsFrom({}, ['--stateless-ms=-3'])).toThrow(
      'stateless-ms must be a whole number',
    );
    expect(() => simulatorOptionsFrom({ SIMULATOR_SEED: 'huge' }, [])).toThrow('seed must be one of');
  });
});
