/**
 * How the store's failures reach a caller. A write never starts when the store cannot make it safe
 * (the Idempotency-Key claim or the identifier lock failed): that is a 503 STORE_UNAVAILABLE telling
 * ops to look at the store, never the caller's fault. A lock that stays busy past `lock_timeout_ms`
 * (another replica is writing the same identifier) is a 409 REQUEST_IN_PROGRESS: retry later.
 */
import { GatewayError, GatewayErrorOptions } from '../errors/gateway-error';
import { RequestInProgressError } from '../errors/errors';
import { IdentifierLockService, LockTimeoutError } from '../store/advisory-locks';

export class StoreUnavailableError extends GatewayError {
  constructor(options: GatewayErrorOptions = {}) {
    super(503, 'STORE_UNAVAILABLE', 'The gateway store is unavailable; nothing was written. Retry later.', {
      ...options,
      headers: { 'Retry-After': '5', ...options.headers },
    });
  }
}

/** Runs `call` on the store (made before anything reaches Odoo); its failure becomes a 503. */
export async function fromStore<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    throw new StoreUnavailableError({ cause: error });
  }
}

/**
 * The store's identifier locks, answering in the gateway's terms: a busy identifier is a 409, a lock
 * that cannot be taken at all a 503. Errors of the work itself pass through untouched.
 */
export function answeringLocks(locks: IdentifierLockService): IdentifierLockService {
  return {
    async withKeys<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
      let started = false;
      let done: { value: T } | undefined;
      try {
        return await locks.withKeys(keys, async () => {
          started = true;
          const value = await work();
          done = { value };
          return value;
        });
      } catch (error) {
        // Releasing failed after the write ended (the lock connection died: PostgreSQL freed the lock).
        if (done) return done.value;
        if (started) throw error;
        if (error instanceof LockTimeoutError) {
          throw new RequestInProgressError(
            'Another request is writing the same identifier; retry in a moment',
          );
        }
        throw new StoreUnavailableError({ cause: error });
      }
    },
  };
}
