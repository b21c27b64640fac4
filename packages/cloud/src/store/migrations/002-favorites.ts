import type { Kysely, Migration } from 'kysely';
import { createFavoritesTable } from '@openpivot/server';
import type { SqlDialect } from '../db-schema.js';

/**
 * Saved CMPivot queries ("favourites"), kept per cloud user in the user's tenant: the table the site
 * keeps too (see createFavoritesTable), with a `tenant_id` column.
 */
export function favoritesMigration(dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await createFavoritesTable(db, dialect, { tenantColumn: true });
    },
  };
}
