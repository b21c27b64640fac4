import type { Kysely, Migration } from 'kysely';

/**
 * OpenID Connect sign-ins in progress, keyed by their state: in the store rather than one node's memory,
 * so that the issuer's callback may reach any node of a cluster. The same columns on both dialects;
 * `expires_at` is indexed for the sweep of abandoned sign-ins and for evicting the oldest.
 */
export function oidcPendingMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('oidc_pending')
        .addColumn('state', 'text', (c) => c.primaryKey())
        .addColumn('verifier', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('return_to', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('oidc_pending_expires_at').on('oidc_pending').columns(['expires_at', 'state']).execute();
    },
  };
}
