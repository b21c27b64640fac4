/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies of many shapes; the tests assert on their fields. */
import { startSite, openStore, attachToCloud, addUser, createEnrollToken, type RunningSite, type Log } from '@openpivot/site';
import { simulateAgents, silentLogger, type SimulatedFleet } from '@openpivot/agent';
import { addTenant, addCloudUser, newAttachCode, type RunningCloud } from '@openpivot/cloud';
import { basicAuth, tempDir, ADMIN_PASSWORD } from '../site/harness.js';

/**
 * Tenant attach in this process: a tenant with its cloud users, one site attached to a cloud node (a
 * real SQLite store, real sockets) and simulated devices enrolled in that site, speaking the real protocol.
 */
export const quiet: Log = () => undefined;
export const V = '/AdminService/v1.0';
export const CLOUD_ROLES = ['Intune Administrator', 'Help Desk Operator', 'Read Only Operator'] as const;
export type CloudRole = (typeof CLOUD_ROLES)[number];

export const passwordOf = (upn: string): string => `pw-${upn}`;

export interface TenantSetup {
  readonly tenantId: string;
  readonly name: string;
  /** One cloud user per role: UPN by role. */
  readonly upns: Readonly<Record<CloudRole, string>>;
  readonly site: RunningSite;
  readonly siteDir: string;
  /** The simulated devices; replace it with `restartFleet` after closing it. */
  fleet: SimulatedFleet;
  /** Brings the devices back (same identities; needs `fleetDir`). */
  restartFleet(): Promise<SimulatedFleet>;
  close(): Promise<void>;
}

export interface TenantOptions {
  readonly name: string;
  /** The UPNs' domain, and a word for the users' names: `admin@<domain>`, `helpdesk@<domain>`, `reader@<domain>`. */
  readonly domain: string;
  readonly siteCode: string;
  readonly siteName: string;
  readonly devicePrefix: string;
  readonly devices: number;
  /** Where the site dials (a cloud node's URL). */
  readonly cloudUrl: string;
  readonly cloudBackoff?: { readonly baseMs: number; readonly capMs: number };
  /** Where the simulated devices keep their identities (to bring them back after `fleet.close()`); in memory if left out. */
  readonly fleetDir?: string;
}

/**
 * Makes the tenant and its users in `cloud`'s store, attaches a new site to `o.cloudUrl`, maps the Help
 * Desk user to a site Helpdesk Operator by UPN, and enrolls `o.devices` simulated devices.
 */
export async function setUpTenant(cloud: RunningCloud, o: TenantOptions): Promise<TenantSetup> {
  const tenantId = await addTenant(cloud.store, { name: o.name });
  const upns = { 'Intune Administrator': `admin@${o.domain}`, 'Help Desk Operator': `helpdesk@${o.domain}`, 'Read Only Operator': `reader@${o.domain}` };
  for (const role of CLOUD_ROLES) await addCloudUser(cloud.store, { upn: upns[role], tenantId, role, password: passwordOf(upns[role]) });

  const siteDir = tempDir(`site-${o.siteCode.toLowerCase()}`);
  const siteStore = await openStore({ dataDir: siteDir });
  try {
    await attachToCloud(siteStore, { cloudUrl: o.cloudUrl, code: await newAttachCode(cloud.store, { tenantId }), siteCode: o.siteCode, name: o.siteName });
  } finally {
    await siteStore.close();
  }
  const site = await startSite({
    dataDir: siteDir, port: 0, host: '127.0.0.1', nodeId: `site-${o.siteCode}`, adminPassword: ADMIN_PASSWORD, log: quiet,
    cloudBackoff: o.cloudBackoff ?? { baseMs: 100, capMs: 500 },
  });
  await addUser(site.store, { name: `site-helpdesk-${o.siteCode.toLowerCase()}`, role: 'Helpdesk Operator', collections: [], upn: upns['Help Desk Operator'], password: 'site-pw' });
  const token = await createEnrollToken(site.store, { expiresMs: 120_000, uses: o.devices });
  const fleet = await simulateAgents({ count: o.devices, siteUrl: site.url, token, namePrefix: o.devicePrefix, log: silentLogger, ...(o.fleetDir ? { dataDir: o.fleetDir } : {}) });
  await fleet.ready(o.devices, 30_000);
  const setup: TenantSetup = {
    tenantId, name: o.name, upns, site, siteDir, fleet,
    async restartFleet() {
      if (!o.fleetDir) throw new Error('restartFleet needs fleetDir');
      setup.fleet = await simulateAgents({ count: o.devices, siteUrl: site.url, dataDir: o.fleetDir, namePrefix: o.devicePrefix, log: silentLogger });
      await setup.fleet.ready(o.devices, 30_000);
      return setup.fleet;
    },
    async close() {
      await setup.fleet.close();
      await site.close();
    },
  };
  return setup;
}

/** GET or POST with Basic credentials; the body parsed as JSON when it is JSON. */
export async function call(baseUrl: string, method: string, path: string, o: { upn?: string; body?: unknown } = {}): Promise<{ status: number; text: string; body: any }> {
  const headers: Record<string, string> = {};
  if (o.upn) headers.authorization = basicAuth(o.upn, passwordOf(o.upn));
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(baseUrl + path, { method, headers, ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}), signal: AbortSignal.timeout(15_000) });
  const text = await r.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: r.status, text, body };
}
