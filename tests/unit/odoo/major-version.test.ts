import { majorVersion } from '../../../src/odoo/rpc-odoo-client';

describe('majorVersion', () => {
  test('when Odoo gives server_version_info, then its first number is the major version', () => {
    expect(majorVersion({ server_version: '19.0', server_version_info: [19, 0, 0, 'final', 0, ''] })).toBe(
      19,
    );
  });

  test('when the info list is missing, then the first number of server_version counts (saas builds)', () => {
    expect(majorVersion({ server_version: 'saas~17.4', server_version_info: [] })).toBe(17);
  });

  test('when nothing looks like a version, then it is 0 (the oldest read plans)', () => {
    expect(majorVersion({ server_version: 'unknown', server_version_info: [] })).toBe(0);
  });
});
