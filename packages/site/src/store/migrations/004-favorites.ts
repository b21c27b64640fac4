import type { Kysely, Migration } from 'kysely';
import { createFavoritesTable } from '@openpivot/server';
import type { SqlDialect } from '../db-schema.js';

/**
 * Saved CMPivot queries ("favourites") of the site console, kept per site user, as the cloud keeps its
 * users' (see createFavoritesTable). A user's favourites go with the user.
 */
export function favoritesMigration(dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await createFavoritesTable(db, dialect);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('favorites').execute();
    },
  };
}
