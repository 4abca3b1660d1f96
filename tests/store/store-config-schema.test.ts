/** The `store:` and `audit:` blocks of gateway.yaml: defaults, and the mistakes refused. */
import { auditSchema, storeSchema } from '../../src/config/schemas/store-schema';

describe('store and audit settings', () => {
  test('when the blocks are left out, then the embedded store and audit without payloads are the defaults', () => {
    expect(storeSchema.validate(undefined).value).toEqual({
      type: 'embedded',
      path: './data',
      idempotency_quota_per_client: 10000,
      lock_timeout_ms: 10000,
    });
    expect(auditSchema.validate(undefined).value).toEqual({
      enabled: true,
      payloads: false,
      payload_max_chars: 16384,
      retention_days: 30,
    });
  });

  test('when the type is unknown or the URL is not PostgreSQL, then the block is refused', () => {
    expect(storeSchema.validate({ type: 'redis' }).error?.message).toContain('"type" must be one of');
    expect(storeSchema.validate({ type: 'postgres', url: 'mysql://db/gw' }).error).toBeDefined();
  });
});
