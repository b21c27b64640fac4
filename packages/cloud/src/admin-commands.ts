import { CLOUD_ROLE_NAMES, type CloudRoleName } from '@openpivot/protocol';
import { hashPassword, newPassword, StoreError } from '@openpivot/server';
import type { CloudStore } from './store/store.js';
import { createAttachCode } from './rest/tenant-routes.js';

export class CloudCommandError extends Error {}

/** `openpivot cloud tenant add NAME`: the new tenant's id. */
export async function addTenant(store: CloudStore, o: { name: string; now?: number }): Promise<string> {
  const name = o.name.trim();
  if (name.length === 0 || name.length > 255) throw new CloudCommandError('a tenant name has 1 to 255 characters');
  return (await store.createTenant({ name, at: o.now ?? Date.now() })).id;
}

/**
 * `openpivot cloud user add UPN --tenant ID --role ROLE`: a cloud user who signs in with a password
 * (given, or generated and returned to be printed once).
 */
export async function addCloudUser(store: CloudStore, o: { upn: string; tenantId: string; role: string; password?: string; now?: number }): Promise<{ generatedPassword: string | null }> {
  if (!/^[^\s@]{1,128}@[^\s@]{1,126}$/.test(o.upn)) throw new CloudCommandError(`the UPN '${o.upn}' is not of the form name@domain`);
  if (!(CLOUD_ROLE_NAMES as readonly string[]).includes(o.role)) {
    throw new CloudCommandError(`there is no cloud role '${o.role}'; roles: ${CLOUD_ROLE_NAMES.map((r) => `"${r}"`).join(', ')}`);
  }
  if (!(await store.getTenant(o.tenantId))) throw new CloudCommandError(`there is no tenant '${o.tenantId}'`);
  const password = o.password && o.password.length > 0 ? o.password : newPassword();
  try {
    await store.createUser({ tenantId: o.tenantId, upn: o.upn, role: o.role as CloudRoleName, passwordHash: await hashPassword(password), at: o.now ?? Date.now() });
  } catch (e) {
    if (e instanceof StoreError && e.field === 'upn') throw new CloudCommandError(`a cloud user '${o.upn}' exists already`);
    throw e;
  }
  return { generatedPassword: o.password ? null : password };
}

/** `openpivot cloud attach-code --tenant ID`: one one-time code, valid for a day. */
export async function newAttachCode(store: CloudStore, o: { tenantId: string; validMs?: number; now?: number }): Promise<string> {
  if (!(await store.getTenant(o.tenantId))) throw new CloudCommandError(`there is no tenant '${o.tenantId}'`);
  const now = o.now ?? Date.now();
  return (await createAttachCode({ store, clock: () => now, settings: { attachCodeMs: o.validMs ?? 86_400_000, sessionMs: 0 } }, o.tenantId)).code;
}
