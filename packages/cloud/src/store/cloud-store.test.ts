import { afterAll, describe, expect, it } from 'vitest';
import type { SyncedDevice } from '@openpivot/protocol';
import { StoreError } from '@openpivot/server';
import { postgresDatabases, sqliteDatabases, type DatabaseBackend, type FreshDatabase } from '@openpivot/testkit';
import type { CloudStore } from './store.js';
import { openCloudStore } from './index.js';

const T0 = 1_700_000_000_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const device = (deviceId: number, name: string, extra: Partial<SyncedDevice> = {}): SyncedDevice => ({
  deviceId, name, platform: 'linux', os: 'Debian', osVersion: '12', agentVersion: '0.1.0', ip: '10.0.0.1', domain: null,
  online: true, lastSeen: T0, collections: [{ id: 'SMS00001', name: 'All Systems' }], ...extra,
});
const attach = (codeHash: string, connectorId: string, at = T0 + 1) =>
  ({ codeHash, connectorId, siteId: `site-${connectorId}`, siteCode: 'OPS', name: `Site ${connectorId}`, publicKey: 'pk', at });

/** A tenant with one attached connector. */
async function tenantWithSite(store: CloudStore, name: string, connectorId: string) {
  const tenant = await store.createTenant({ name, at: T0 });
  await store.addAttachCode({ codeHash: `code-${connectorId}`, tenantId: tenant.id, createdAt: T0, expiresAt: T0 + 1000 });
  const connector = (await store.attachSite(attach(`code-${connectorId}`, connectorId)))!;
  return { tenant, connector };
}

function storesOn(databases: DatabaseBackend) {
  const stores: CloudStore[] = [];
  return {
    name: databases.name,
    async fresh() {
      const db = await databases.fresh();
      return {
        raw: (text: string, params: readonly unknown[]) => db.raw(text, params),
        async open() {
          const store = await openCloudStore(db.options);
          stores.push(store);
          return store;
        },
      } satisfies Pick<FreshDatabase, 'raw'> & { open(): Promise<CloudStore> };
    },
    async cleanup() {
      await Promise.allSettled(stores.map((s) => s.close()));
      await databases.cleanup();
    },
  };
}

describe.each([storesOn(sqliteDatabases('cloud.db')), storesOn(postgresDatabases())])('cloud store on $name', (backend) => {
  afterAll(() => backend.cleanup());
  let db: Awaited<ReturnType<typeof backend.fresh>>;
  const fresh = async () => { db = await backend.fresh(); return db.open(); };

  it('creates tenants with random UUIDs', async () => {
    const store = await fresh();
    expect(store.dialect).toBe(backend.name);
    const a = await store.createTenant({ name: 'Contoso', at: T0 });
    const b = await store.createTenant({ name: 'Fabrikam', at: T0 + 1 });
    expect(a).toEqual({ id: a.id, name: 'Contoso', createdAt: T0 });
    expect(a.id).toMatch(UUID);
    expect(b.id).not.toBe(a.id);
    expect(await store.getTenant(b.id)).toEqual(b);
    expect(await store.getTenant('nope')).toBeNull();
    expect(await store.listTenants()).toEqual([a, b]);
  });

  it('keeps users with UPNs unique in the whole cloud, ignoring case', async () => {
    const store = await fresh();
    const t1 = await store.createTenant({ name: 'one', at: T0 });
    const t2 = await store.createTenant({ name: 'two', at: T0 });
    const alice = await store.createUser({ tenantId: t1.id, upn: 'Alice@Contoso.com', role: 'Intune Administrator', passwordHash: 'scrypt$1', at: T0 });
    expect(alice).toEqual({
      id: alice.id, tenantId: t1.id, upn: 'Alice@Contoso.com', role: 'Intune Administrator', passwordHash: 'scrypt$1',
      oidcSubject: null, createdAt: T0, disabled: false,
    });
    const conflict = await store.createUser({ tenantId: t2.id, upn: 'alice@contoso.COM', role: 'Read Only Operator', passwordHash: null, at: T0 })
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(StoreError);
    expect(conflict).toMatchObject({ code: 'conflict', field: 'upn' });
    await expect(store.createUser({ tenantId: t1.id, upn: 'x@y', role: 'Boss' as never, passwordHash: null, at: T0 }))
      .rejects.toMatchObject({ code: 'invalid', field: 'role' });
    await expect(store.createUser({ tenantId: 'nope', upn: 'x@y', role: 'Read Only Operator', passwordHash: null, at: T0 }))
      .rejects.toMatchObject({ code: 'invalid', field: 'tenantId' });
    const bob = await store.createUser({ tenantId: t2.id, upn: 'bob@fabrikam.com', role: 'Help Desk Operator', passwordHash: null, at: T0 });
    expect(await store.getUser(alice.id)).toEqual(alice);
    expect(await store.getUser(99_999)).toBeNull();
    expect(await store.getUserByUpn('ALICE@contoso.com')).toEqual(alice);
    expect(await store.getUserByUpn('nobody@contoso.com')).toBeNull();
    expect(await store.listUsers(t1.id)).toEqual([alice]);
    expect(await store.listUsers(t2.id)).toEqual([bob]);

    expect(await store.getUserByOidcSubject('https://idp|bob')).toBeNull();
    await store.setOidcSubject(bob.id, 'https://idp|bob');
    expect(await store.getUserByOidcSubject('https://idp|bob')).toEqual({ ...bob, oidcSubject: 'https://idp|bob' });
    await expect(store.setOidcSubject(alice.id, 'https://idp|bob')).rejects.toMatchObject({ code: 'conflict', field: 'oidcSubject' });
  });

  it('finds a session until it expires, and not after it is deleted', async () => {
    const store = await fresh();
    const t = await store.createTenant({ name: 't', at: T0 });
    const u = await store.createUser({ tenantId: t.id, upn: 'u@t', role: 'Read Only Operator', passwordHash: null, at: T0 });
    const s = { tokenHash: 'ab'.repeat(32), userId: u.id, createdAt: T0, expiresAt: T0 + 100 };
    await store.createSession(s);
    await store.createSession({ ...s, tokenHash: 'cd'.repeat(32) });
    await expect(store.createSession(s)).rejects.toMatchObject({ code: 'conflict', field: 'tokenHash' });
    await expect(store.createSession({ ...s, tokenHash: 'x', userId: 99_999 })).rejects.toMatchObject({ code: 'invalid', field: 'userId' });
    expect(await store.getSession(s.tokenHash, T0 + 99)).toEqual(s);
    expect(await store.getSession(s.tokenHash, T0 + 100)).toBeNull();
    expect(await store.getSession('unknown', T0)).toBeNull();
    await store.deleteSession(s.tokenHash);
    expect(await store.getSession(s.tokenHash, T0)).toBeNull();
    expect(await store.getSession('cd'.repeat(32), T0)).not.toBeNull();
  });

  it('spends an attach code once, and never when expired or unknown', async () => {
    const store = await fresh();
    const t = await store.createTenant({ name: 't', at: T0 });
    await store.addAttachCode({ codeHash: 'c1', tenantId: t.id, createdAt: T0, expiresAt: T0 + 10 });
    await expect(store.addAttachCode({ codeHash: 'c1', tenantId: t.id, createdAt: T0, expiresAt: T0 + 10 }))
      .rejects.toMatchObject({ code: 'conflict', field: 'codeHash' });
    await expect(store.addAttachCode({ codeHash: 'c9', tenantId: 'nope', createdAt: T0, expiresAt: T0 + 10 }))
      .rejects.toMatchObject({ code: 'invalid', field: 'tenantId' });
    expect(await store.attachSite(attach('c1', 'conn-1', T0 + 10))).toBeNull(); // expired at its expiry
    expect(await store.attachSite(attach('unknown', 'conn-1'))).toBeNull();
    const c = await store.attachSite(attach('c1', 'conn-1', T0 + 9));
    expect(c).toEqual({
      id: 'conn-1', tenantId: t.id, siteId: 'site-conn-1', siteCode: 'OPS', name: 'Site conn-1', publicKey: 'pk',
      attachedAt: T0 + 9, nodeId: null, lastSeen: null,
    });
    expect(await store.attachSite(attach('c1', 'conn-2', T0 + 9))).toBeNull();
    expect(await store.getConnector('conn-2')).toBeNull();

    // A clashing connector id writes nothing: the code stays spendable.
    await store.addAttachCode({ codeHash: 'c2', tenantId: t.id, createdAt: T0, expiresAt: T0 + 10 });
    await expect(store.attachSite(attach('c2', 'conn-1'))).rejects.toMatchObject({ code: 'conflict', field: 'connectorId' });
    expect((await store.attachSite(attach('c2', 'conn-2')))?.tenantId).toBe(t.id);
  });

  it('lets exactly one of two racing attaches spend a code', async () => {
    const store = await fresh();
    const other = await db.open();
    const t = await store.createTenant({ name: 't', at: T0 });
    for (let round = 0; round < 5; round++) {
      await store.addAttachCode({ codeHash: `race${round}`, tenantId: t.id, createdAt: T0, expiresAt: T0 + 1000 });
      const results = await Promise.all([
        store.attachSite(attach(`race${round}`, `a${round}`)), other.attachSite(attach(`race${round}`, `b${round}`)),
      ]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    }
    expect(await store.listConnectors(t.id)).toHaveLength(5);
  });

  it('records which node holds a connector, and lets a restarting node release its connectors', async () => {
    const store = await fresh();
    const { tenant, connector } = await tenantWithSite(store, 't', 'c1');
    await store.addAttachCode({ codeHash: 'second', tenantId: tenant.id, createdAt: T0, expiresAt: T0 + 1000 });
    await store.attachSite(attach('second', 'c2', T0 + 2));
    await store.syncDevices('c1', { devices: [device(16_777_217, 'pc1')], removed: [], at: T0 });
    await store.syncDevices('c2', { devices: [device(16_777_217, 'pc2')], removed: [], at: T0 });
    await store.setConnectorNode('c1', 'node-a', T0 + 5);
    await store.setConnectorNode('c2', 'node-b', T0 + 6);
    expect(await store.getConnector('c1')).toEqual({ ...connector, nodeId: 'node-a', lastSeen: T0 + 5 });
    await store.releaseConnectorsOfNode('node-a', T0 + 7);
    expect(await store.getConnector('c1')).toMatchObject({ nodeId: null, lastSeen: T0 + 5 });
    expect(await store.getConnector('c2')).toMatchObject({ nodeId: 'node-b' });
    const devices = await store.listDevices(tenant.id, { limit: 10, offset: 0 });
    expect(devices.map((d) => [d.name, d.online])).toEqual([['pc1', false], ['pc2', true]]);
    await store.setConnectorNode('c2', null, T0 + 8);
    expect(await store.getConnector('c2')).toMatchObject({ nodeId: null, lastSeen: T0 + 8 });
    expect((await store.listConnectors(tenant.id)).map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('syncs devices, keeping each one its machineId', async () => {
    const store = await fresh();
    const { tenant } = await tenantWithSite(store, 't', 'c1');
    await store.syncDevices('c1', { devices: [device(16_777_217, 'beta'), device(16_777_218, 'Alpha')], removed: [], at: T0 });
    const [alpha, beta] = await store.listDevices(tenant.id, { limit: 10, offset: 0 });
    expect(alpha).toEqual({
      ...device(16_777_218, 'Alpha'), machineId: alpha!.machineId, tenantId: tenant.id, connectorId: 'c1', siteCode: 'OPS', syncedAt: T0,
    });
    expect(beta?.name).toBe('beta');
    const renamed = device(16_777_217, 'gamma', { online: false, lastSeen: null, domain: 'corp', collections: [] });
    await store.syncDevices('c1', { devices: [renamed], removed: [], at: T0 + 1 });
    expect(await store.getDevice(tenant.id, beta!.machineId)).toEqual({
      ...renamed, machineId: beta!.machineId, tenantId: tenant.id, connectorId: 'c1', siteCode: 'OPS', syncedAt: T0 + 1,
    });
    await store.syncDevices('c1', { devices: [], removed: [16_777_218], at: T0 + 2 });
    expect(await store.getDevice(tenant.id, alpha!.machineId)).toBeNull();
    // Re-added after removal: a new row, so a new number (never the old one again).
    await store.syncDevices('c1', { devices: [device(16_777_218, 'Alpha0'), device(16_777_218, 'Alpha')], removed: [], at: T0 + 3 });
    const again = await store.listDevices(tenant.id, { limit: 10, offset: 0, search: 'alpha' });
    expect(again[0]!.machineId).not.toBe(alpha!.machineId);
    await expect(store.syncDevices('nope', { devices: [], removed: [], at: T0 })).rejects.toMatchObject({ code: 'invalid', field: 'connectorId' });
  });

  it('removes on resetBefore the devices a full upload did not send again, and shows a lost connector offline', async () => {
    const store = await fresh();
    const { tenant } = await tenantWithSite(store, 't', 'c1');
    await tenantWithSite(store, 'u', 'c2');
    await store.addAttachCode({ codeHash: 'c3', tenantId: tenant.id, createdAt: T0, expiresAt: T0 + 1000 });
    await store.attachSite(attach('c3', 'c3'));
    await store.syncDevices('c1', { devices: [1, 2, 3].map((i) => device(16_777_216 + i, `d${i}`)), removed: [], at: T0 });
    await store.syncDevices('c3', { devices: [device(16_777_217, 'other-site')], removed: [], at: T0 });
    // A full upload in two messages: the first sends d1, the last d3 and closes the upload.
    await store.syncDevices('c1', { devices: [device(16_777_217, 'd1')], removed: [], at: T0 + 10 });
    await store.syncDevices('c1', { devices: [device(16_777_219, 'd3')], removed: [], at: T0 + 11, resetBefore: T0 + 10 });
    expect((await store.listDevices(tenant.id, { limit: 10, offset: 0 })).map((d) => d.name)).toEqual(['d1', 'd3', 'other-site']);
    await store.setConnectorDevicesOffline('c1', T0 + 12);
    const after = await store.listDevices(tenant.id, { limit: 10, offset: 0 });
    expect(after.map((d) => [d.name, d.online, d.lastSeen])).toEqual([['d1', false, T0], ['d3', false, T0], ['other-site', true, T0]]);
  });

  it('lists a tenant\'s devices by name, searching names ignoring case with wildcards taken literally', async () => {
    const store = await fresh();
    const { tenant } = await tenantWithSite(store, 't', 'c1');
    const names = ['web_01', 'WEB02', 'db%1', 'Mail', 'web-03', 'back\\slash'];
    await store.syncDevices('c1', { devices: names.map((n, i) => device(16_777_217 + i, n)), removed: [], at: T0 });
    const all = await store.listDevices(tenant.id, { limit: 100, offset: 0 });
    expect(all.map((d) => d.name)).toEqual(['back\\slash', 'db%1', 'Mail', 'web-03', 'WEB02', 'web_01']);
    expect((await store.listDevices(tenant.id, { limit: 2, offset: 1 })).map((d) => d.name)).toEqual(['db%1', 'Mail']);
    expect((await store.listDevices(tenant.id, { limit: 100, offset: 0, search: 'WeB' })).map((d) => d.name)).toEqual(['web-03', 'WEB02', 'web_01']);
    expect((await store.listDevices(tenant.id, { limit: 100, offset: 0, search: '_' })).map((d) => d.name)).toEqual(['web_01']);
    expect((await store.listDevices(tenant.id, { limit: 100, offset: 0, search: '%' })).map((d) => d.name)).toEqual(['db%1']);
    expect((await store.listDevices(tenant.id, { limit: 100, offset: 0, search: '\\' })).map((d) => d.name)).toEqual(['back\\slash']);
    expect(await store.countDevices(tenant.id)).toBe(6);
    expect(await store.countDevices(tenant.id, 'web')).toBe(3);
    expect(await store.countDevices(tenant.id, '_')).toBe(1);
    expect(await store.countDevices(tenant.id, 'zzz')).toBe(0);
    // OData startswith: the start of the name only ('eb' is inside three names, at the start of none).
    expect((await store.listDevices(tenant.id, { limit: 100, offset: 0, search: 'WE', prefix: true })).map((d) => d.name)).toEqual(['web-03', 'WEB02', 'web_01']);
    expect(await store.countDevices(tenant.id, 'eb', true)).toBe(0);
    expect(await store.countDevices(tenant.id, 'eb')).toBe(3);
    expect(await store.countDevices(tenant.id, 'db%', true)).toBe(1);
    await expect(store.listDevices(tenant.id, { limit: -1, offset: 0 })).rejects.toThrow(/^limit: /);
  });

  it('keeps operations and their rows, counting a repeated slice once', async () => {
    const store = await fresh();
    const { tenant } = await tenantWithSite(store, 't', 'c1');
    const newOp = (userId: number, at: number) => ({
      tenantId: tenant.id, userId, upn: `u${userId}@t`, machineId: 1, connectorId: 'c1', query: 'OS', at, deadline: at + 100,
    });
    const op = await store.createOperation(newOp(1, T0));
    expect(op).toEqual({
      id: op.id, tenantId: tenant.id, userId: 1, upn: 'u1@t', machineId: 1, connectorId: 'c1', query: 'OS', status: 'pending',
      deviceStatus: null, errorCode: null, error: null, siteOperationId: null, columns: null, rowCount: 0, resultBytes: 0,
      truncated: false, warnings: [], timing: null, createdAt: T0, endedAt: null, deadline: T0 + 100,
    });
    const op2 = await store.createOperation(newOp(2, T0 + 1));
    expect(await store.getOperation(tenant.id, op.id)).toEqual(op);
    expect(await store.getOperationById(op.id)).toEqual(op);
    expect(await store.getOperationById(99_999)).toBeNull();
    expect((await store.listOperations(tenant.id, { limit: 10, offset: 0 })).map((o) => o.id)).toEqual([op2.id, op.id]);
    expect((await store.listOperations(tenant.id, { limit: 10, offset: 0, userId: 1 })).map((o) => o.id)).toEqual([op.id]);
    expect((await store.listOperations(tenant.id, { limit: 1, offset: 1 })).map((o) => o.id)).toEqual([op.id]);

    const update = {
      status: 'completed', deviceStatus: 'completed', errorCode: null, error: null, siteOperationId: 42,
      columns: [{ name: 'Device', type: 'string' }, { name: 'N', type: 'long' }], truncated: true, warnings: ['w1'],
      timing: { sentAt: T0, doneAt: T0 + 9 }, endedAt: T0 + 9,
    } as const;
    await store.updateOperation(op.id, update);
    await store.updateOperation(op.id, {});
    expect(await store.getOperation(tenant.id, op.id)).toEqual({ ...op, ...update });
    await store.updateOperation(op.id, { errorCode: 'Forbidden', error: 'no' });
    expect(await store.getOperation(tenant.id, op.id)).toMatchObject({ errorCode: 'Forbidden', error: 'no', siteOperationId: 42 });
    await expect(store.updateOperation(op.id, { status: 'bogus' as never })).rejects.toMatchObject({ field: 'status' });

    const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => [`r${from + i}`, from + i]);
    await store.appendRows(op2.id, 1, rows(3, 4), 40); // slices may arrive out of order
    await store.appendRows(op2.id, 0, rows(0, 3), 30);
    await store.appendRows(op2.id, 1, rows(100, 1), 10); // a resend: ignored
    await store.appendRows(op2.id, 2, [], 0);
    await store.appendRows(op2.id, 3, rows(7, 2), 20);
    expect(await store.getOperationById(op2.id)).toMatchObject({ rowCount: 9, resultBytes: 90 });
    expect(await store.readRows(op2.id, { limit: 100, offset: 0 })).toEqual(rows(0, 9));
    expect(await store.readRows(op2.id, { limit: 4, offset: 2 })).toEqual(rows(2, 4));
    expect(await store.readRows(op2.id, { limit: 1, offset: 8 })).toEqual(rows(8, 1));
    expect(await store.readRows(op2.id, { limit: 5, offset: 9 })).toEqual([]);
    expect(await store.readRows(op2.id, { limit: 0, offset: 0 })).toEqual([]);
    expect(await store.readRows(op.id, { limit: 10, offset: 0 })).toEqual([]);
    await expect(store.appendRows(99_999, 0, rows(0, 1), 1)).rejects.toMatchObject({ code: 'invalid', field: 'id' });
    await expect(store.appendRows(op2.id, -1, [], 0)).rejects.toMatchObject({ field: 'seq' });
    await expect(store.readRows(op2.id, { limit: 1, offset: -1 })).rejects.toThrow(/^offset: /);
  });

  it('finds overdue operations and removes ended ones with their rows', async () => {
    const store = await fresh();
    const { tenant } = await tenantWithSite(store, 't', 'c1');
    const make = (deadline: number) => store.createOperation({
      tenantId: tenant.id, userId: 1, upn: 'u@t', machineId: 1, connectorId: 'c1', query: 'OS', at: T0, deadline,
    });
    const pending = await make(T0 + 10);
    const running = await make(T0 + 20);
    const done = await make(T0 + 5);
    await store.updateOperation(running.id, { status: 'running' });
    await store.updateOperation(done.id, { status: 'completed', endedAt: T0 + 3 });
    expect((await store.overdueOperations(T0 + 9)).map((o) => o.id)).toEqual([]);
    expect((await store.overdueOperations(T0 + 10)).map((o) => o.id)).toEqual([pending.id]);
    expect((await store.overdueOperations(T0 + 30)).map((o) => o.id)).toEqual([pending.id, running.id]);

    await store.appendRows(done.id, 0, [[1]], 3);
    await store.appendRows(running.id, 0, [[2]], 3);
    await store.updateOperation(running.id, { status: 'timedout', endedAt: T0 + 20 });
    expect(await store.deleteOperationsEndedBefore(T0 + 3)).toBe(0);
    expect(await store.deleteOperationsEndedBefore(T0 + 4)).toBe(1);
    expect(await store.getOperationById(done.id)).toBeNull();
    expect(await store.getOperationById(pending.id)).not.toBeNull();
    expect(await store.readRows(done.id, { limit: 10, offset: 0 })).toEqual([]);
    expect(await store.readRows(running.id, { limit: 10, offset: 0 })).toEqual([[2]]);
    // The ids are not reused, so a slice of a removed operation never shows under a new one.
    await store.appendRows(pending.id, 0, [[3]], 1);
    expect(await store.readRows(pending.id, { limit: 10, offset: 0 })).toEqual([[3]]);
  });

  it('keeps each tenant\'s audit, newest first', async () => {
    const store = await fresh();
    const t1 = await store.createTenant({ name: 'a', at: T0 });
    const t2 = await store.createTenant({ name: 'b', at: T0 });
    const rec = (tenantId: string, outcome: string) => ({
      tenantId, at: T0, upn: 'u@t', remoteAddr: '10.0.0.1', action: 'query', machineId: 7, deviceName: 'pc', query: 'OS',
      operationId: 3, outcome, details: { n: 1, nested: { a: [1, 'x'] } },
    });
    const first = await store.appendAudit(rec(t1.id, 'accepted'));
    expect(first).toEqual({ id: first.id, ...rec(t1.id, 'accepted') });
    const second = await store.appendAudit({ ...rec(t1.id, 'completed'), upn: null, remoteAddr: null, machineId: null, deviceName: null, query: null, operationId: null, details: {} });
    await store.appendAudit(rec(t2.id, 'denied:role'));
    expect(await store.listAudit(t1.id, { limit: 10, offset: 0 })).toEqual([second, first]);
    expect(await store.listAudit(t1.id, { limit: 1, offset: 1 })).toEqual([first]);
    expect((await store.listAudit(t2.id, { limit: 10, offset: 0 })).map((r) => r.outcome)).toEqual(['denied:role']);
  });

  it('shows a tenant nothing of another tenant', async () => {
    const store = await fresh();
    const { tenant: a } = await tenantWithSite(store, 'a', 'ca');
    const b = await store.createTenant({ name: 'b', at: T0 });
    const user = await store.createUser({ tenantId: a.id, upn: 'u@a', role: 'Intune Administrator', passwordHash: null, at: T0 });
    await store.syncDevices('ca', { devices: [device(16_777_217, 'pc')], removed: [], at: T0 });
    const [pc] = await store.listDevices(a.id, { limit: 10, offset: 0 });
    const op = await store.createOperation({ tenantId: a.id, userId: user.id, upn: 'u@a', machineId: pc!.machineId, connectorId: 'ca', query: 'OS', at: T0, deadline: T0 + 1 });
    await store.appendAudit({ tenantId: a.id, at: T0, upn: 'u@a', remoteAddr: null, action: 'query', machineId: pc!.machineId, deviceName: 'pc', query: 'OS', operationId: op.id, outcome: 'accepted', details: {} });

    expect(await store.getDevice(a.id, pc!.machineId)).not.toBeNull();
    expect(await store.getDevice(b.id, pc!.machineId)).toBeNull();
    expect(await store.listDevices(b.id, { limit: 10, offset: 0 })).toEqual([]);
    expect(await store.listDevices(b.id, { limit: 10, offset: 0, search: 'pc' })).toEqual([]);
    expect(await store.countDevices(b.id)).toBe(0);
    expect(await store.countDevices(b.id, 'pc')).toBe(0);
    expect(await store.getOperation(b.id, op.id)).toBeNull();
    expect(await store.listOperations(b.id, { limit: 10, offset: 0 })).toEqual([]);
    expect(await store.listOperations(b.id, { limit: 10, offset: 0, userId: user.id })).toEqual([]);
    expect(await store.listAudit(b.id, { limit: 10, offset: 0 })).toEqual([]);
    expect(await store.listUsers(b.id)).toEqual([]);
    expect(await store.listConnectors(b.id)).toEqual([]);
    expect(await store.listAudit(a.id, { limit: 10, offset: 0 })).toHaveLength(1);
  });

  // The rest of what favourites do is @openpivot/server's favoriteStore's test.
  it("keeps each user's favourites in the user's tenant, out of every other user's reach", async () => {
    const store = await fresh();
    const t = await store.createTenant({ name: 'fav', at: T0 });
    const other = await store.createTenant({ name: 'other', at: T0 });
    const alice = await store.createUser({ tenantId: t.id, upn: 'alice@fav', role: 'Read Only Operator', passwordHash: null, at: T0 });
    const carol = await store.createUser({ tenantId: other.id, upn: 'carol@other', role: 'Intune Administrator', passwordHash: null, at: T0 });

    const disks = await store.createFavorite({ userId: alice.id, name: 'Disks', query: 'Disk', tags: ['Storage'], at: T0 });
    expect(disks).toEqual({ id: disks.id, tenantId: t.id, userId: alice.id, name: 'Disks', query: 'Disk', tags: ['Storage'], createdAt: T0, updatedAt: T0 });
    // The same name in another tenant is another user's: no clash.
    const carols = await store.createFavorite({ userId: carol.id, name: 'Disks', query: 'OS', tags: [], at: T0 });
    expect(carols.tenantId).toBe(other.id);

    expect(await store.listFavorites(carol.id)).toEqual([carols]);
    expect(await store.updateFavorite(carol.id, disks.id, { query: 'x', at: T0 })).toBeNull();
    expect(await store.deleteFavorite(carol.id, disks.id)).toBe(false);
    expect(await store.listFavorites(alice.id)).toEqual([disks]);
  });

  it('opens twice at once on a fresh database, and keeps its data when reopened', async () => {
    db = await backend.fresh();
    const [s1, s2] = await Promise.all([db.open(), db.open()]);
    const t = await s1.createTenant({ name: 'kept', at: T0 });
    await s1.close();
    expect(await s2.getTenant(t.id)).toEqual(t);
    await s2.close();
    const again = await db.open();
    expect(await again.listTenants()).toEqual([t]);
    await again.createUser({ tenantId: t.id, upn: 'u@kept', role: 'Read Only Operator', passwordHash: null, at: T0 });
    await again.close();
    expect((await (await db.open()).getUserByUpn('U@KEPT'))?.tenantId).toBe(t.id);
  });
});

describe('openCloudStore options', () => {
  it('names the option it cannot use', async () => {
    await expect(openCloudStore({ databaseUrl: 'mysql://localhost/x' })).rejects.toMatchObject({ code: 'invalid', field: 'databaseUrl' });
    await expect(openCloudStore({})).rejects.toThrow(/^dataDir: /);
    await expect(openCloudStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' })).rejects.toThrow(/could not open the cloud store \(postgres\)/);
  });
});
