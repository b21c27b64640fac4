import { openStore, attachToCloud, addUser, AdminCommandError, type Store } from '@openpivot/site';
import { addTenant, addCloudUser, newAttachCode, type CloudStore } from '@openpivot/cloud';

/** The people `npm start` makes on first start: one per cloud role, each mapped to a site user. */
export const START_USERS = [
  { upn: 'admin@openpivot.local', cloudRole: 'Intune Administrator', siteUser: 'admin', siteRole: null, env: 'OPENPIVOT_ADMIN_PASSWORD' },
  { upn: 'helpdesk@openpivot.local', cloudRole: 'Help Desk Operator', siteUser: 'helpdesk', siteRole: 'Helpdesk Operator', env: 'OPENPIVOT_HELPDESK_PASSWORD' },
  { upn: 'readonly@openpivot.local', cloudRole: 'Read Only Operator', siteUser: 'readonly', siteRole: 'Read-only Analyst', env: 'OPENPIVOT_READONLY_PASSWORD' },
] as const;

/**
 * First start of the cloud: a tenant and a user of each cloud role. Returns the passwords that were
 * generated (to print once); none on later starts, when the tenant exists already.
 */
export async function provisionCloud(store: CloudStore): Promise<{ tenantId: string; generated: Map<string, string> }> {
  const generated = new Map<string, string>();
  const existing = (await store.listTenants())[0];
  if (existing) return { tenantId: existing.id, generated };
  const tenantId = await addTenant(store, { name: 'Default tenant' });
  for (const u of START_USERS) {
    const password = process.env[u.env];
    const made = await addCloudUser(store, { upn: u.upn, tenantId, role: u.cloudRole, ...(password ? { password } : {}) });
    if (made.generatedPassword) generated.set(u.upn, made.generatedPassword);
  }
  return { tenantId, generated };
}

/**
 * Attaches the site (its store at `siteDir`) to the running cloud, unless it is attached already. When
 * it is attached to this very cloud, the cloud's URL is refreshed: `--cloud-port 0` moves it each start.
 */
export async function attachOnce(siteDir: string, cloudStore: CloudStore, tenantId: string, cloudUrl: string): Promise<void> {
  const store = await openStore({ dataDir: siteDir });
  try {
    const connectorId = await store.getSetting('cloud.connectorId');
    if (connectorId && (await cloudStore.getConnector(connectorId))) await store.setSetting('cloud.url', cloudUrl);
    if (connectorId) return;
    const code = await newAttachCode(cloudStore, { tenantId });
    await attachToCloud(store, { cloudUrl, code });
  } finally {
    await store.close();
  }
}

/**
 * Site users for the cloud's people, with the cloud sign-in name as their UPN, so the site's own RBAC
 * applies to each (the built-in site admin is the cloud admin's counterpart). Site passwords are random:
 * these users come in through the cloud.
 */
export async function mapSiteUsers(store: Store): Promise<void> {
  for (const u of START_USERS) {
    const existing = await store.getUserByName(u.siteUser);
    if (existing) {
      if (existing.upn === null) await store.setUserUpn(existing.id, u.upn);
      continue;
    }
    if (!u.siteRole) continue;
    try {
      await addUser(store, { name: u.siteUser, role: u.siteRole, collections: [], upn: u.upn });
    } catch (e) {
      if (!(e instanceof AdminCommandError)) throw e;
    }
  }
}
