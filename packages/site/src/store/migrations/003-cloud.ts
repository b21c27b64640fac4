import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tenant attach: a site user may carry the UPN of the cloud user it stands for. A cloud request maps to
 * the user whose UPN (or else name) equals the cloud sign-in name, whatever its case, so two users may
 * not hold the same UPN in different cases. Users without a UPN keep NULL (NULLs never collide).
 */
export function cloudMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('users').addColumn('upn', 'text').execute();
      await db.schema.createIndex('users_upn_lower').unique().on('users').expression(sql`lower(upn)`).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('users_upn_lower').execute();
      await db.schema.alterTable('users').dropColumn('upn').execute();
    },
  };
}
