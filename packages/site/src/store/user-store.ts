import { sql, type Kysely } from 'kysely';
import type { Permission } from '@openpivot/protocol';
import type { Database } from './db-schema.js';
import type { Store } from './store.js';
import { toApiToken, toAssignment, toRole, toUser } from './rows.js';
import { StoreError, uniqueAs } from '@openpivot/server';

export type UserStore = Pick<Store,
  'createUser' | 'getUserByName' | 'getUser' | 'listUsers' | 'setPassword' | 'setUserUpn' | 'findUserForCloud' | 'deleteUser' | 'addApiToken' |
  'getApiTokenByHash' | 'listApiTokens' | 'deleteApiToken' | 'ensureRoles' | 'createRole' | 'getRoleByName' |
  'listRoles' | 'deleteRole' | 'assignRole' | 'assignmentsOf' | 'removeAssignment'>;

const permissionsJson = (p: readonly Permission[]) => JSON.stringify([...p]);

/** Users, their API tokens, roles and role assignments (the RBAC data). */
export function userStore(db: Kysely<Database>): UserStore {
  return {
    async createUser(u) {
      const row = await uniqueAs('name', `a user named "${u.name}" already exists`, () =>
        db.insertInto('users')
          .values({ name: u.name, password_hash: u.passwordHash, created_at: u.at, disabled: 0 })
          .returningAll()
          .executeTakeFirstOrThrow());
      return toUser(row);
    },

    async getUserByName(name) {
      const row = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async getUser(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async listUsers() {
      return (await db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser);
    },

    async setPassword(userId, passwordHash) {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    },

    async setUserUpn(userId, upn) {
      const r = await uniqueAs('upn', `another user holds the UPN "${upn ?? ''}"`, () =>
        db.updateTable('users').set({ upn }).where('id', '=', userId).executeTakeFirst());
      if (r.numUpdatedRows === 0n) throw new StoreError('invalid', 'userId', `no user with id ${userId}`);
    },

    async findUserForCloud(upn) {
      const wanted = upn.toLowerCase();
      const byUpn = await db.selectFrom('users').selectAll()
        .where(sql`lower(upn)`, '=', wanted).where('disabled', '=', 0).executeTakeFirst();
      if (byUpn) return toUser(byUpn);
      // Names are unique as written, not ignoring case: the lowest id wins if two differ only in case.
      const byName = await db.selectFrom('users').selectAll()
        .where(sql`lower(name)`, '=', wanted).where('disabled', '=', 0).orderBy('id').executeTakeFirst();
      return byName ? toUser(byName) : null;
    },

    async deleteUser(userId) {
      // Explicit rather than relying on cascades: SQLite enforces foreign keys only when the pragma is on.
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('api_tokens').where('user_id', '=', userId).execute();
        await trx.deleteFrom('role_assignments').where('user_id', '=', userId).execute();
        await trx.deleteFrom('users').where('id', '=', userId).execute();
      });
    },

    async addApiToken(t) {
      const user = await db.selectFrom('users').select('id').where('id', '=', t.userId).executeTakeFirst();
      if (!user) throw new StoreError('invalid', 'userId', `no user with id ${t.userId}`);
      const row = await uniqueAs('tokenHash', 'this token already exists', () =>
        db.insertInto('api_tokens')
          .values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: t.createdAt, expires_at: t.expiresAt })
          .returningAll()
          .executeTakeFirstOrThrow());
      return toApiToken(row);
    },

    async getApiTokenByHash(tokenHash) {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toApiToken(row) : null;
    },

    async listApiTokens(userId) {
      return (await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id').execute()).map(toApiToken);
    },

    async deleteApiToken(userId, id) {
      const r = await db.deleteFrom('api_tokens').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return r.numDeletedRows > 0n;
    },

    async ensureRoles(roles) {
      await db.transaction().execute(async (trx) => {
        for (const r of roles) {
          await trx.insertInto('roles')
            .values({ name: r.name, description: r.description, permissions: permissionsJson(r.permissions), built_in: 1 })
            .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({
              description: eb.ref('excluded.description'),
              permissions: eb.ref('excluded.permissions'),
              built_in: 1,
            })))
            .execute();
        }
      });
    },

    async createRole(r) {
      const row = await uniqueAs('name', `a role named "${r.name}" already exists`, () =>
        db.insertInto('roles')
          .values({ name: r.name, description: r.description, permissions: permissionsJson(r.permissions), built_in: 0 })
          .returningAll()
          .executeTakeFirstOrThrow());
      return toRole(row);
    },

    async getRoleByName(name) {
      const row = await db.selectFrom('roles').selectAll().where('name', '=', name).executeTakeFirst();
      return row ? toRole(row) : null;
    },

    async listRoles() {
      return (await db.selectFrom('roles').selectAll().orderBy('id').execute()).map(toRole);
    },

    async deleteRole(id) {
      // Built-in roles come back on every start (ensureRoles), so deleting one would only mislead.
      return db.transaction().execute(async (trx) => {
        const role = await trx.selectFrom('roles').select('built_in').where('id', '=', id).executeTakeFirst();
        if (!role || role.built_in === 1) return false;
        await trx.deleteFrom('role_assignments').where('role_id', '=', id).execute();
        await trx.deleteFrom('roles').where('id', '=', id).execute();
        return true;
      });
    },

    async assignRole(a) {
      return db.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('users').select('id').where('id', '=', a.userId).executeTakeFirst())) {
          throw new StoreError('invalid', 'userId', `no user with id ${a.userId}`);
        }
        if (!(await trx.selectFrom('roles').select('id').where('id', '=', a.roleId).executeTakeFirst())) {
          throw new StoreError('invalid', 'roleId', `no role with id ${a.roleId}`);
        }
        if (!(await trx.selectFrom('collections').select('id').where('id', '=', a.collectionId).executeTakeFirst())) {
          throw new StoreError('invalid', 'collectionId', `no collection with id "${a.collectionId}"`);
        }
        // Assigning the same role on the same collection twice returns the first assignment.
        await trx.insertInto('role_assignments')
          .values({ user_id: a.userId, role_id: a.roleId, collection_id: a.collectionId })
          .onConflict((oc) => oc.columns(['user_id', 'role_id', 'collection_id']).doNothing())
          .execute();
        const row = await trx.selectFrom('role_assignments').selectAll()
          .where('user_id', '=', a.userId).where('role_id', '=', a.roleId).where('collection_id', '=', a.collectionId)
          .executeTakeFirstOrThrow();
        return toAssignment(row);
      });
    },

    async assignmentsOf(userId) {
      const rows = await db.selectFrom('role_assignments as a')
        .innerJoin('roles as r', 'r.id', 'a.role_id')
        .select(['a.id', 'a.user_id', 'a.role_id', 'a.collection_id', 'r.name as role_name', 'r.permissions'])
        .where('a.user_id', '=', userId)
        .orderBy('a.id')
        .execute();
      return rows.map((r) => ({
        ...toAssignment(r),
        roleName: r.role_name,
        permissions: JSON.parse(r.permissions) as Permission[],
      }));
    },

    async removeAssignment(id) {
      const r = await db.deleteFrom('role_assignments').where('id', '=', id).executeTakeFirst();
      return r.numDeletedRows > 0n;
    },
  };
}
