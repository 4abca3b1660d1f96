import { settingsNeedingRestart } from '../../../src/config/restart-settings';
import { settings } from '../../support/gateway-config-builder';

describe('settingsNeedingRestart', () => {
  test('when only hot-reloadable settings change, then nothing needs a restart', () => {
    const before = settings();
    const after = { ...before, relationCacheTtlMs: 5000, rateLimit: { windowMs: 1000, max: 5 } };
    expect(settingsNeedingRestart(before, after)).toEqual([]);
  });

  test('when the Odoo URL and the log level change, then both sections are named as gateway.yaml calls them', () => {
    const before = settings();
    const after = {
      ...before,
      odoo: { ...before.odoo, url: 'http://other:8069' },
      logging: { ...before.logging, level: 'debug' as const },
      shutdownTimeoutMs: before.shutdownTimeoutMs + 1,
    };
    expect(settingsNeedingRestart(before, after)).toEqual(['odoo', 'logging', 'shutdown_timeout_ms']);
  });
});
