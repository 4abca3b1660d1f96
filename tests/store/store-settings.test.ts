/** Which backend `store:` and STORE_URL select. */
import { resolveStoreSettings } from '../../src/store/store-settings';

describe('resolveStoreSettings', () => {
  test('when nothing is configured, then the embedded store under ./data is used', () => {
    expect(resolveStoreSettings(undefined, {})).toEqual({ type: 'embedded', path: './data' });
  });

  test('when STORE_URL is set, then PostgreSQL at that URL wins over the file', () => {
    expect(
      resolveStoreSettings({ type: 'embedded', path: '/var/lib/gw' }, { STORE_URL: 'postgres://db/gw' }),
    ).toEqual({
      type: 'postgres',
      url: 'postgres://db/gw',
    });
  });

  test('when postgres is chosen without a URL, then opening fails with a message naming the setting', () => {
    expect(() => resolveStoreSettings({ type: 'postgres' }, {})).toThrow('store.url or STORE_URL');
  });

  test('when memory is chosen, then no path is added', () => {
    expect(resolveStoreSettings({ type: 'memory' }, {})).toEqual({ type: 'memory' });
  });
});
