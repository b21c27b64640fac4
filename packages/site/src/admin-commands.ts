import { ALL_SYSTEMS } from '@openpivot/protocol';
import type { Store } from './store/index.js';
import { newSecret, sha256Hex, hashPassword, newPassword, StoreError } from '@openpivot/server';

/**
 * `openpivot site enroll-token`: a one-time (or N-time) token; only its hash is stored. The token is
 * returned to be printed, alone, by the command.
 */
export async function createEnrollToken(store: Store, o: { expiresMs: number; uses?: number; now?: number }): Promise<string> {
  const token = newSecret('openpivot-enroll');
  const now = o.now ?? Date.now();
  await store.addEnrollToken({ tokenHash: sha256Hex(token), createdAt: now, expiresAt: now + o.expiresMs, uses: o.uses ?? 1 });
  return token;
}

export class AdminCommandError extends Error {}

/**
 * `openpivot site user add NAME --role ROLE [--collection ID] [--upn UPN]`. With a UPN, a cloud user
 * signed in under that name maps to this user (tenant attach). Returns the generated password, if any.
 */
export async function addUser(store: Store, o: { name: string; role: string; collections: readonly string[]; upn?: string; password?: string; now?: number }): Promise<{ generatedPassword: string | null }> {
  if (!/^[A-Za-z0-9._@\\-]{1,128}$/.test(o.name)) throw new AdminCommandError(`the user name '${o.name}' may hold letters, digits and . _ @ \\ - only`);
  if (o.upn !== undefined && !/^[^\s@]{1,128}@[^\s@]{1,126}$/.test(o.upn)) throw new AdminCommandError(`the UPN '${o.upn}' is not of the form name@domain`);
  const role = await store.getRoleByName(o.role);
  if (!role) {
    const names = (await store.listRoles()).map((r) => `"${r.name}"`).join(', ');
    throw new AdminCommandError(`there is no role '${o.role}'; roles: ${names}`);
  }
  const collections = o.collections.length > 0 ? o.collections : [ALL_SYSTEMS.id];
  for (const id of collections) if (!(await store.getCollection(id))) throw new AdminCommandError(`there is no collection '${id}'`);
  if (await store.getUserByName(o.name)) throw new AdminCommandError(`the user '${o.name}' exists already`);
  const password = o.password && o.password.length > 0 ? o.password : newPassword();
  const user = await store.createUser({ name: o.name, passwordHash: await hashPassword(password), at: o.now ?? Date.now() });
  if (o.upn !== undefined) {
    try {
      await store.setUserUpn(user.id, o.upn);
    } catch (e) {
      await store.deleteUser(user.id);
      if (e instanceof StoreError && e.field === 'upn') throw new AdminCommandError(`another user holds the UPN '${o.upn}' already`);
      throw e;
    }
  }
  for (const collectionId of collections) await store.assignRole({ userId: user.id, roleId: role.id, collectionId });
  return { generatedPassword: o.password ? null : password };
}
