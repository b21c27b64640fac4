import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CLOUD_ROLE_NAMES } from '@openpivot/protocol';
import { StoreError, uniqueAs } from '@openpivot/server';
import type { Database } from './db-schema.js';
import type { CloudStore } from './store.js';
import { toTenant, toUser } from './rows.js';
import { mustReferTo } from './foreign-key.js';

export type TenantStore = Pick<CloudStore,
  'createTenant' | 'getTenant' | 'listTenants' | 'createUser' | 'getUser' | 'getUserByUpn' | 'getUserByOidcSubject' |
  'setOidcSubject' | 'listUsers' | 'createSession' | 'getSession' | 'deleteSession'>;

const ROLES: ReadonlySet<string> = new Set(CLOUD_ROLE_NAMES);

/** Tenants, their cloud users and the users' sign-in sessions. */
export function tenantStore(db: Kysely<Database>): TenantStore {
  return {
    async createTenant(t) {
      const row = await db.insertInto('tenants').values({ id: randomUUID(), name: t.name, created_at: t.at })
        .returningAll().executeTakeFirstOrThrow();
      return toTenant(row);
    },

    async getTenant(id) {
      const row = await db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toTenant(row) : null;
    },

    async listTenants() {
      return (await db.selectFrom('tenants').selectAll().orderBy('created_at').orderBy('id').execute()).map(toTenant);
    },

    async createUser(u) {
      if (!ROLES.has(u.role)) throw new StoreError('invalid', 'role', `unknown cloud role "${u.role}"`);
      const row = await mustReferTo('tenantId', `no tenant with id "${u.tenantId}"`, () =>
        uniqueAs('upn', `a user "${u.upn}" already exists`, () =>
          db.insertInto('users')
            .values({
              tenant_id: u.tenantId, upn: u.upn, upn_lower: u.upn.toLowerCase(), role: u.role, password_hash: u.passwordHash,
              oidc_subject: null, created_at: u.at, disabled: 0,
            })
            .returningAll()
            .executeTakeFirstOrThrow()));
      return toUser(row);
    },

    async getUser(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async getUserByUpn(upn) {
      const row = await db.selectFrom('users').selectAll().where('upn_lower', '=', upn.toLowerCase()).executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async getUserByOidcSubject(subject) {
      const row = await db.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async setOidcSubject(userId, subject) {
      await uniqueAs('oidcSubject', 'another user already signs in with this OpenID Connect subject', () =>
        db.updateTable('users').set({ oidc_subject: subject }).where('id', '=', userId).execute());
    },

    async listUsers(tenantId) {
      return (await db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute()).map(toUser);
    },

    async createSession(s) {
      await mustReferTo('userId', `no user with id ${s.userId}`, () =>
        uniqueAs('tokenHash', 'this session already exists', () =>
          db.insertInto('sessions')
            .values({ token_hash: s.tokenHash, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt })
            .execute()));
    },

    async getSession(tokenHash, now) {
      const row = await db.selectFrom('sessions').selectAll()
        .where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
      return row ? { tokenHash: row.token_hash, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at } : null;
    },

    async deleteSession(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
  };
}
