/**
 * `store:` in gateway.yaml: which backend holds what must outlive a process or be shared by replicas.
 * `STORE_URL` in the environment (a postgres:// URL) selects PostgreSQL and wins over the file, so a
 * deployment can point replicas at a database without editing configuration.
 */
export type StoreType = 'embedded' | 'postgres' | 'memory';

export interface StoreSettings {
  type: StoreType;
  /** PostgreSQL connection URL (type postgres). */
  url?: string;
  /** Directory of the SQLite file (type embedded). Default ./data. */
  path?: string;
}

export const DEFAULT_STORE_PATH = './data';
export const SQLITE_FILE_NAME = 'gateway.sqlite';

export function resolveStoreSettings(
  configured: Partial<StoreSettings> | undefined,
  env: NodeJS.ProcessEnv = process.env,
): StoreSettings {
  const url = env.STORE_URL?.trim();
  if (url) return { type: 'postgres', url };
  const type = configured?.type ?? 'embedded';
  if (type === 'postgres' && !configured?.url) {
    throw new Error('store: type postgres needs store.url or STORE_URL');
  }
  return {
    ...configured,
    type,
    ...(type === 'embedded' ? { path: configured?.path ?? DEFAULT_STORE_PATH } : {}),
  };
}
