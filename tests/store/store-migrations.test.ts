/** Several replicas starting at once on one database all come up, and each migration runs once. */
import { sql } from 'kysely';
import { MIGRATION_NAMES } from '../../src/store/migrations';
import { openPostgres, openSqliteFile } from '../../src/store/sql-database';
import { forEachBackend } from '../support/store-backends';

forEachBackend(
  'migrations',
  (backend) => {
    test('when several instances open the same database at once, then all succeed and each migration is recorded once', async () => {
      const stores = await Promise.all(Array.from({ length: 4 }, () => backend().open()));
      expect(stores).toHaveLength(4);

      const { settings } = backend();
      const database =
        settings.type === 'postgres'
          ? openPostgres({ url: settings.url ?? '' })
          : openSqliteFile(settings.path ?? '');
      try {
        const rows = await sql<{ name: string }>`select name from store_migrations order by name`.execute(
          database.db,
        );
        expect(rows.rows.map((row) => row.name)).toEqual(MIGRATION_NAMES);
      } finally {
        await database.db.destroy();
      }
    });
  },
  ['embedded', 'postgres'],
);
