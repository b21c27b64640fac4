import type { Kysely } from 'kysely';
import { StoreError, uniqueAs, favoriteMatches } from '@openpivot/server';
import type { Database } from './db-schema.js';
import type { CloudStore } from './store.js';
import { toFavorite } from './rows.js';

export type FavoriteStore = Pick<CloudStore, 'listFavorites' | 'createFavorite' | 'updateFavorite' | 'deleteFavorite'>;

const taken = (name: string) => `you already have a favourite named "${name}"`;

/**
 * Each cloud user's saved CMPivot queries. Every read and write names the user: a favourite of another
 * user (of any tenant) is absent, as one that does not exist.
 */
export function favoriteStore(db: Kysely<Database>): FavoriteStore {
  return {
    async listFavorites(userId, o = {}) {
      // A user keeps a handful of favourites: the tags (JSON text) are searched here rather than in SQL.
      const rows = await db.selectFrom('favorites').selectAll().where('user_id', '=', userId)
        .orderBy('name_lower').orderBy('id').execute();
      const all = rows.map(toFavorite);
      const search = o.search?.trim() ?? '';
      return search === '' ? all : all.filter((f) => favoriteMatches(f, search));
    },

    async createFavorite(f) {
      const user = await db.selectFrom('users').select('tenant_id').where('id', '=', f.userId).executeTakeFirst();
      if (!user) throw new StoreError('invalid', 'userId', `no user with id ${f.userId}`);
      const row = await uniqueAs('name', taken(f.name), () =>
        db.insertInto('favorites')
          .values({
            tenant_id: user.tenant_id, user_id: f.userId, name: f.name, name_lower: f.name.toLowerCase(), query: f.query,
            tags: JSON.stringify(f.tags), created_at: f.at, updated_at: f.at,
          })
          .returningAll()
          .executeTakeFirstOrThrow());
      return toFavorite(row);
    },

    async updateFavorite(userId, id, u) {
      const row = await uniqueAs('name', taken(u.name ?? ''), () =>
        db.updateTable('favorites')
          .set({
            ...(u.name !== undefined ? { name: u.name, name_lower: u.name.toLowerCase() } : {}),
            ...(u.query !== undefined ? { query: u.query } : {}),
            ...(u.tags !== undefined ? { tags: JSON.stringify(u.tags) } : {}),
            updated_at: u.at,
          })
          .where('id', '=', id).where('user_id', '=', userId)
          .returningAll()
          .executeTakeFirst());
      return row ? toFavorite(row) : null;
    },

    async deleteFavorite(userId, id) {
      const r = await db.deleteFrom('favorites').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
