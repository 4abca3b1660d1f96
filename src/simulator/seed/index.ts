/** Builds the tables of a fresh simulated database for a seed kind. */
import { Orm } from '../orm/orm';
import type { Registry } from '../orm/registry';
import { Store } from '../orm/store';
import { seedBase, type SeedUser } from './base-seed';
import { seedContactsDemo } from './contacts-demo-seed';
import { seedDemo } from './demo-seed';
import type { OdooVersion } from '../types';

export type SeedKind = 'demo' | 'base' | 'contacts-demo';

/** Seed records carry this creation time, so seeds are identical run after run. */
const SEED_TIME = Date.UTC(2025, 0, 2, 8, 0, 0);

export function buildSeededStore(
  registry: Registry,
  kind: SeedKind,
  users: readonly SeedUser[],
  version: OdooVersion = 18,
): Store {
  const store = new Store();
  const orm = new Orm(registry, store, 1, () => SEED_TIME);
  // The demo company works in euros; a fresh base database starts in US dollars.
  seedBase(orm, users, kind === 'demo' ? 125 : 1);
  if (kind === 'demo') seedDemo(orm);
  if (kind === 'contacts-demo') seedContactsDemo(orm, version);
  return store;
}
