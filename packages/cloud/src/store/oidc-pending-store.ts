import type { Kysely } from 'kysely';
import { uniqueAs } from '@openpivot/server';
import type { Database } from './db-schema.js';
import type { CloudStore, OidcPendingRecord } from './store.js';

export type OidcPendingStore = Pick<CloudStore, 'putOidcPending' | 'takeOidcPending' | 'deleteExpiredOidcPending'>;

/** OpenID Connect sign-ins in progress, shared by every node of the cloud. */
export function oidcPendingStore(db: Kysely<Database>): OidcPendingStore {
  const count = async (): Promise<number> =>
    Number((await db.selectFrom('oidc_pending').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  return {
    async putOidcPending(p, bound) {
      await uniqueAs('state', 'this sign-in state is already kept', () =>
        db.insertInto('oidc_pending')
          .values({ state: p.state, verifier: p.verifier, nonce: p.nonce, return_to: p.returnTo, expires_at: p.expiresAt })
          .execute());
      let kept = await count();
      if (kept <= bound.max) return;
      await db.deleteFrom('oidc_pending').where('expires_at', '<=', bound.now).execute();
      kept = await count();
      if (kept <= bound.max) return;
      // Still over: the oldest sign-ins give way rather than the new one being refused. Anyone can start
      // sign-ins, so the table is what a flood fills: refusing would lock every user out for the ten
      // minutes the flood's sign-ins live, while evicting only fails a sign-in overtaken by `max` newer
      // ones before its user came back from the issuer (who then starts again). Nodes putting at once may
      // each evict, leaving a few under `max`: harmless.
      await db.deleteFrom('oidc_pending')
        .where('state', 'in', (eb) => eb.selectFrom('oidc_pending').select('state').where('state', '!=', p.state)
          .orderBy('expires_at').orderBy('state').limit(kept - bound.max))
        .execute();
    },

    async takeOidcPending(state, now) {
      // One statement that deletes and returns: of two nodes taking one state, only the one whose DELETE
      // removed the row gets it back. An expired row is spent the same way, and answered as unknown.
      const row = await db.deleteFrom('oidc_pending').where('state', '=', state).returningAll().executeTakeFirst();
      if (!row || row.expires_at <= now) return null;
      return { state: row.state, verifier: row.verifier, nonce: row.nonce, returnTo: row.return_to, expiresAt: row.expires_at } satisfies OidcPendingRecord;
    },

    async deleteExpiredOidcPending(now) {
      const gone = await db.deleteFrom('oidc_pending').where('expires_at', '<=', now).executeTakeFirst();
      return Number(gone.numDeletedRows);
    },
  };
}
