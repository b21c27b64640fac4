import { afterAll, describe, expect, it } from 'vitest';
import type { SyncedDevice } from '@openpivot/protocol';
import { postgresDatabases, sqliteDatabases, type DatabaseBackend } from '@openpivot/testkit';
import type { CloudStore } from './store.js';
import { openCloudStore } from './index.js';

/**
 * The lease of a cloud node on the connectors it serves: the holder refreshes it, any other node
 * releases it once it ran out (the holder crashed), showing the site's devices offline.
 */
const T0 = 1_700_000_000_000;
const LEASE = 3_000;
const device = (deviceId: number, name: string): SyncedDevice => ({
  deviceId, name, platform: 'linux', os: 'Debian', osVersion: '12', agentVersion: '0.1.0', ip: '10.0.0.1', domain: null,
  online: true, lastSeen: T0, collections: [],
});

function storesOn(databases: DatabaseBackend) {
  const stores: CloudStore[] = [];
  return {
    name: databases.name,
    async fresh(): Promise<CloudStore> {
      const store = await openCloudStore((await databases.fresh()).options);
      stores.push(store);
      return store;
    },
    async cleanup() {
      await Promise.allSettled(stores.map((s) => s.close()));
      await databases.cleanup();
    },
  };
}

/** One tenant with the connectors `ids`, each with one online device named after it. */
async function sites(store: CloudStore, ids: readonly string[]): Promise<string> {
  const tenant = await store.createTenant({ name: 't', at: T0 });
  for (const id of ids) {
    await store.addAttachCode({ codeHash: `code-${id}`, tenantId: tenant.id, createdAt: T0, expiresAt: T0 + 1000 });
    await store.attachSite({ codeHash: `code-${id}`, connectorId: id, siteId: `site-${id}`, siteCode: 'OPS', name: id, publicKey: 'pk', at: T0 + 1 });
    await store.syncDevices(id, { devices: [device(16_777_217, `pc-${id}`)], removed: [], at: T0 });
  }
  return tenant.id;
}

async function online(store: CloudStore, tenantId: string): Promise<Record<string, boolean>> {
  const devices = await store.listDevices(tenantId, { limit: 100, offset: 0 });
  return Object.fromEntries(devices.map((d) => [d.name, d.online]));
}

describe.each([storesOn(sqliteDatabases('cloud.db')), storesOn(postgresDatabases())])('connector leases on $name', (backend) => {
  afterAll(() => backend.cleanup());

  it('a refresh records the node and the time on its connectors only, and takes back a hold another node recorded', async () => {
    const store = await backend.fresh();
    await sites(store, ['c1', 'c2', 'c3']);
    await store.setConnectorNode('c1', 'node-a', T0 + 10);
    await store.setConnectorNode('c2', 'node-b', T0 + 10);
    await store.setConnectorNode('c3', 'node-b', T0 + 10);
    expect(await store.refreshConnectorHolds('node-a', ['c1', 'c2'], T0 + 500)).toEqual([]);
    expect(await store.getConnector('c1')).toMatchObject({ nodeId: 'node-a', lastSeen: T0 + 500 });
    expect(await store.getConnector('c2')).toMatchObject({ nodeId: 'node-a', lastSeen: T0 + 500 });
    expect(await store.getConnector('c3')).toMatchObject({ nodeId: 'node-b', lastSeen: T0 + 10 });
    expect(await store.refreshConnectorHolds('node-a', [], T0 + 600)).toEqual([]);
  });

  it('a refresh reports the holds it takes back after a release: their devices were shown offline', async () => {
    const store = await backend.fresh();
    await sites(store, ['c1', 'c2']);
    await store.setConnectorNode('c1', 'node-a', T0 + 10);
    await store.setConnectorNode('c2', 'node-a', T0 + 10);
    expect(await store.releaseExpiredConnectors('node-b', T0 + 10 + LEASE + 1, T0 + 10 + LEASE + 1)).toHaveLength(2);
    expect(await store.getConnector('c1')).toMatchObject({ nodeId: null });
    expect((await store.refreshConnectorHolds('node-a', ['c1', 'c2'], T0 + 5_000)).sort()).toEqual(['c1', 'c2']);
    expect(await store.getConnector('c1')).toMatchObject({ nodeId: 'node-a', lastSeen: T0 + 5_000 });
    expect(await store.refreshConnectorHolds('node-a', ['c1', 'c2'], T0 + 5_500)).toEqual([]);
  });

  it("releases another node's holds older than the lease and shows their devices offline; fresh and unheld ones stay", async () => {
    const store = await backend.fresh();
    const tenantId = await sites(store, ['dead1', 'dead2', 'fresh', 'free']);
    await store.setConnectorNode('dead1', 'node-b', T0 + 10);
    await store.setConnectorNode('dead2', 'node-b', T0 + 20);
    await store.setConnectorNode('fresh', 'node-c', T0 + 10);
    await store.setConnectorNode('free', null, T0 + 10);
    await store.refreshConnectorHolds('node-c', ['fresh'], T0 + 2_000);
    const now = T0 + 20 + LEASE + 1;
    const released = await store.releaseExpiredConnectors('node-a', now - LEASE, now);
    expect(released.sort((x, y) => x.id.localeCompare(y.id))).toEqual([{ id: 'dead1', nodeId: 'node-b' }, { id: 'dead2', nodeId: 'node-b' }]);
    expect(await store.getConnector('dead1')).toMatchObject({ nodeId: null, lastSeen: T0 + 10 });
    expect(await store.getConnector('fresh')).toMatchObject({ nodeId: 'node-c', lastSeen: T0 + 2_000 });
    expect(await online(store, tenantId)).toEqual({ 'pc-dead1': false, 'pc-dead2': false, 'pc-fresh': true, 'pc-free': true });
    expect(await store.releaseExpiredConnectors('node-a', now - LEASE, now)).toEqual([]);
  });

  it("never releases the sweeping node's own holds, however old", async () => {
    const store = await backend.fresh();
    const tenantId = await sites(store, ['mine', 'theirs']);
    await store.setConnectorNode('mine', 'node-a', T0 + 10);
    await store.setConnectorNode('theirs', 'node-b', T0 + 10);
    const now = T0 + 100 * LEASE;
    expect(await store.releaseExpiredConnectors('node-a', now - LEASE, now)).toEqual([{ id: 'theirs', nodeId: 'node-b' }]);
    expect(await store.getConnector('mine')).toMatchObject({ nodeId: 'node-a' });
    expect(await online(store, tenantId)).toEqual({ 'pc-mine': true, 'pc-theirs': false });
  });
});
