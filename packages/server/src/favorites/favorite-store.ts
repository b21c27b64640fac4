import type { Generated, Kysely, Selectable } from 'kysely';
import { StoreError, uniqueAs } from '../db/store-error.js';
import { favoriteMatches, type Favorite, type FavoriteKeeper } from '../favorite-routes.js';

/** The columns of `favorites` that both apps have (createFavoritesTable makes them). */
export interface FavoriteColumns {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** `name` lower-cased by the store: unique per user, and the sort key. */
  name_lower: string;
  query: string;
  /** JSON array of strings. */
  tags: string;
  created_at: number;
  updated_at: number;
}

/** What favoriteStore needs of an app's database: the site's and the cloud's both have these. */
export interface FavoriteTables {
  favorites: FavoriteColumns;
  users: { id: Generated<number> };
}

/** The cloud's: each favourite carries its user's tenant (createFavoritesTable's `tenantColumn`). */
export interface TenantFavoriteTables {
  favorites: FavoriteColumns & { tenant_id: string };
  users: { id: Generated<number>; tenant_id: string };
}

/** A favourite as the store gives it back: what the routes answer, and whose it is. */
export interface UserFavorite extends Favorite {
  readonly userId: number;
}

/** A cloud user's favourite, in the user's tenant. */
export interface TenantFavorite extends UserFavorite {
  readonly tenantId: string;
}

/** Either app's tables, as the store works on them: `tenant_id` is there on the cloud's only. */
interface AnyFavoriteTables {
  favorites: FavoriteColumns & { tenant_id?: string };
  users: { id: Generated<number>; tenant_id?: string };
}

const taken = (name: string) => `you already have a favourite named "${name}"`;

/**
 * Each user's saved CMPivot queries on an app's own database. Every read and write names the user: another
 * user's favourite (of any tenant, on the cloud) is absent, as one that does not exist. With `tenant`, a new
 * favourite is put in its user's tenant, read from the user's row.
 *
 * @example
 * const favorites = favoriteStore(db);                   // the site
 * const favorites = favoriteStore(db, { tenant: true }); // the cloud
 */
export function favoriteStore<DB extends FavoriteTables>(db: Kysely<DB>): FavoriteKeeper<UserFavorite>;
export function favoriteStore<DB extends TenantFavoriteTables>(db: Kysely<DB>, o: { tenant: true }): FavoriteKeeper<TenantFavorite>;
export function favoriteStore<DB extends FavoriteTables>(appDb: Kysely<DB>, o: { tenant?: boolean } = {}): FavoriteKeeper<UserFavorite> {
  // Kysely<DB> is invariant in DB, so an app's whole database is no Kysely of these two tables even though it
  // has them (the overloads check that it does, and that `tenant` comes only with a tenant_id column).
  const db = appDb as unknown as Kysely<AnyFavoriteTables>;
  return {
    async listFavorites(userId, l = {}) {
      // A user keeps a handful of favourites: the tags (JSON text) are searched here rather than in SQL.
      const rows = await db.selectFrom('favorites').selectAll().where('user_id', '=', userId)
        .orderBy('name_lower').orderBy('id').execute();
      const all = rows.map(toFavorite);
      const search = l.search?.trim() ?? '';
      return search === '' ? all : all.filter((f) => favoriteMatches(f, search));
    },

    async createFavorite(f) {
      const user = await db.selectFrom('users').select('id').$if(o.tenant === true, (q) => q.select('tenant_id'))
        .where('id', '=', f.userId).executeTakeFirst();
      if (!user) throw new StoreError('invalid', 'userId', `no user with id ${f.userId}`);
      const row = await uniqueAs('name', taken(f.name), () =>
        db.insertInto('favorites')
          .values({
            ...(o.tenant ? { tenant_id: user.tenant_id } : {}),
            user_id: f.userId, name: f.name, name_lower: f.name.toLowerCase(), query: f.query,
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

/** The record of a row; the tags were written by this store from a string array, so they are not validated again. */
const toFavorite = (r: Selectable<AnyFavoriteTables['favorites']>): UserFavorite | TenantFavorite => ({
  id: r.id, ...(r.tenant_id !== undefined ? { tenantId: r.tenant_id } : {}), userId: r.user_id, name: r.name, query: r.query,
  tags: JSON.parse(r.tags) as string[], createdAt: r.created_at, updatedAt: r.updated_at,
});
