/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies of many shapes; the tests assert on their fields. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startCloud, type RunningCloud } from '@openpivot/cloud';
import { tempDir } from '../site/harness.js';
import { setUpTenant, call, V, type TenantSetup } from './in-process.js';
import { eventually } from './cloud-harness.js';

/**
 * A node whose hold was released while it still had the site's socket (another node took it for dead,
 * say after a long database stall) takes the hold back at its next lease refresh. The release showed the
 * devices offline and the site only sends changes, so the node makes the site dial again: its full
 * upload puts the devices right.
 */
const DEVICES = 2;
const events: { event: string; fields: Record<string, unknown> }[] = [];
let cloud: RunningCloud;
let tenant: TenantSetup;
let admin: string;

const devicesOnline = async (): Promise<number> => {
  const r = await call(cloud.url, 'GET', `${V}/Device`, { upn: admin });
  return r.status === 200 ? r.body.value.filter((d: any) => d.IsOnline).length as number : -1;
};

beforeAll(async () => {
  cloud = await startCloud({
    dataDir: tempDir('lease-cloud'), port: 0, host: '127.0.0.1', nodeId: 'holder', heartbeatMs: 300,
    log: (event, fields) => { events.push({ event, fields: fields ?? {} }); },
  });
  tenant = await setUpTenant(cloud, {
    name: 'Contoso', domain: 'contoso.example', siteCode: 'RTK', siteName: 'retake-site', devicePrefix: 'RTK-', devices: DEVICES,
    cloudUrl: cloud.url, cloudBackoff: { baseMs: 100, capMs: 400 },
  });
  admin = tenant.upns['Intune Administrator'];
  await eventually(async () => (await devicesOnline()) === DEVICES, 30_000, 'the devices online');
}, 60_000);

afterAll(async () => {
  await tenant?.close();
  await cloud?.close();
});

describe('a hold released by mistake', () => {
  it('is taken back at the next refresh, and the site dials again and syncs its devices online', async () => {
    const [connector] = await cloud.store.listConnectors(tenant.tenantId);
    const connects = events.filter((e) => e.event === 'connector.connected').length;
    // What another node's sweeper does when this node's lease looks run out.
    const released = await cloud.store.releaseExpiredConnectors('other-node', Date.now() + 1, Date.now());
    expect(released).toEqual([{ id: connector!.id, nodeId: 'holder' }]);
    expect(await devicesOnline()).toBe(0);

    await eventually(async () => events.some((e) => e.event === 'connector.lease-retaken'), 5_000, 'the hold taken back');
    expect(events.find((e) => e.event === 'connector.lease-retaken')!.fields).toEqual({ connectorIds: [connector!.id] });
    await eventually(async () => events.filter((e) => e.event === 'connector.connected').length > connects, 10_000, 'the site dialling again');
    await eventually(async () => (await devicesOnline()) === DEVICES, 10_000, 'the devices online again');
    expect(await cloud.store.getConnector(connector!.id)).toMatchObject({ nodeId: 'holder' });
    expect(cloud.connectorsConnected()).toBe(1);
  });
});
