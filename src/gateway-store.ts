/**
 * The gateway's store for its whole life: opened from `store:` (or STORE_URL) at start, pruned on a
 * timer (expired Idempotency-Key entries, audit rows past `audit.retention_days`), closed last.
 */
import type winston from 'winston';
import { GatewaySettings } from './config/types';
import { openStore } from './store/open-store';
import { Store } from './store/store';
import { StoreSettings, resolveStoreSettings } from './store/store-settings';

const PRUNE_EVERY_MS = 60 * 60_000;

export interface GatewayStore {
  store: Store;
  /** Stops pruning and closes the store. */
  close(): Promise<void>;
}

/** `override` (tests) wins over the configuration; STORE_URL in `env` wins over both file settings. */
export async function openGatewayStore(
  settings: GatewaySettings,
  logger: winston.Logger,
  options: { env?: NodeJS.ProcessEnv; override?: StoreSettings } = {},
): Promise<GatewayStore> {
  const { type, path, url } = settings.store;
  const chosen = options.override ?? resolveStoreSettings({ type, path, url }, options.env ?? {});
  const store = await openStore(chosen, {
    idempotencyQuotaPerClient: settings.store.idempotencyQuotaPerClient,
    lockTimeoutMs: settings.store.lockTimeoutMs,
  });
  const prune = (): void => {
    Promise.all([store.idempotency.prune(), store.audit.prune(settings.audit.retentionDays)]).then(
      ([entries, rows]) => logger.debug('store pruned', { idempotency_entries: entries, audit_rows: rows }),
      (error: unknown) => logger.warn('store pruning failed', { error: errorName(error) }),
    );
  };
  prune();
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  timer.unref();
  return {
    store,
    close: async () => {
      clearInterval(timer);
      await store.close();
    },
  };
}

function errorName(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error';
}
