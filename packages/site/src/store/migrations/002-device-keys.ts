import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Devices are found by their public key (an agent whose welcome was lost retries its enrollment with
 * the same key and token), and collection names are unique whatever their case, so two site nodes
 * creating "Servers" at once cannot both win.
 */
export function deviceKeysMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('devices_public_key').on('devices').column('public_key').execute();
      await db.schema.createIndex('collections_name_lower').unique().on('collections').expression(sql`lower(name)`).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('collections_name_lower').execute();
      await db.schema.dropIndex('devices_public_key').execute();
    },
  };
}
