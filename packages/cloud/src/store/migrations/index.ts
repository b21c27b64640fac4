import type { Migration, MigrationProvider } from 'kysely';
import type { SqlDialect } from '../db-schema.js';
import { initialMigration } from './001-initial.js';
import { favoritesMigration } from './002-favorites.js';
import { oidcPendingMigration } from './003-oidc-pending.js';

/**
 * Every migration, listed in code: the CLI is bundled into one file, so nothing may be found by scanning
 * a directory. Names sort in the order they apply; a new migration is a new numbered file added here.
 */
export function migrationProvider(dialect: SqlDialect): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '001-initial': initialMigration(dialect),
    '002-favorites': favoritesMigration(dialect),
    '003-oidc-pending': oidcPendingMigration(),
  };
  return { getMigrations: async () => migrations };
}
