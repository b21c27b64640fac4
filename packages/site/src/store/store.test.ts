import { afterAll, describe, expect, it } from 'vitest';
import type { DeviceFacts } from '@openpivot/protocol';
import type { AuditInput, NewOperation, Store } from './store.js';
import { openStore, verifyAuditChain, GENESIS_HASH, StoreError } from './index.js';
import { postgresBackend, runNodeProcess, sqliteBackend, type TestDatabase } from './test-backends.js';

const T0 = 1_700_000_000_000;
const facts = (name: string, extra: Partial<DeviceFacts> = {}): DeviceFacts =>
  ({ name, platform: 'linux', os: 'Debian', osVersion: '12', agentVersion: '0.1.0', ip: '10.0.0.1', ...extra });
const audit = (outcome: string, details: Record<string, unknown> = {}): AuditInput => ({
  kind: 'run', at: T0, userName: 'alice', source: 'api', remoteAddr: '127.0.0.1', target: 'SMS00001',
  query: 'OS', querySha256: 'ab'.repeat(32), operationId: 1, outcome, details,
});
const newOp = (targets: number[], over: Partial<NewOperation> = {}): NewOperation => ({
  userId: 1, userName: 'alice', source: 'api', targetKind: 'collection', targetId: 'SMS00001', query: 'OS',
  querySha256: 'ab'.repeat(32), dialect: 'cmpivot', createdAt: T0, expiresAt: T0 + 3_600_000,
  targets: targets.map((deviceId) => ({ deviceId, deviceName: `dev${deviceId}`, status: 'pending' as const })), ...over,
});
async function enroll(store: Store, names: string[]): Promise<number[]> {
  await store.addEnrollToken({ tokenHash: `bulk-${names.join()}`, createdAt: T0, expiresAt: T0 + 1e6, uses: names.length });
  const ids: number[] = [];
  for (const n of names) ids.push((await store.enrollDevice(`bulk-${names.join()}`, { publicKey: `key-${n}`, facts: facts(n), at: T0 }))!.id);
  return ids;
}
const elapsed = async (fn: () => Promise<unknown>) => { const t = performance.now(); await fn(); return performance.now() - t; };

describe.each([sqliteBackend(), postgresBackend()])('store on $name', (backend) => {
  afterAll(() => backend.cleanup());
  let db: TestDatabase;
  const fresh = async (siteCode?: string) => { db = await backend.fresh(); return db.open(siteCode); };

  it('reports its dialect and keeps settings first-writer-wins', async () => {
    const store = await fresh();
    expect(store.dialect).toBe(backend.name);
    expect(await store.getSetting('site.id')).toBeNull();
    expect(await store.initSetting('site.id', 'first')).toBe('first');
    expect(await store.initSetting('site.id', 'second')).toBe('first');
    const other = await db.open();
    const both = await Promise.all([store.initSetting('secret', 'a'), other.initSetting('secret', 'b')]);
    expect(both[0]).toBe(both[1]);
    expect(await other.getSetting('site.id')).toBe('first');
  });

  it('enrolls devices with ids from 16777217 until the token is used up', async () => {
    const store = await fresh();
    await store.addEnrollToken({ tokenHash: 'tok', createdAt: T0, expiresAt: T0 + 1000, uses: 2 });
    const a = await store.enrollDevice('tok', { publicKey: 'ka', facts: facts('a'), at: T0 + 1 });
    const b = await store.enrollDevice('tok', { publicKey: 'kb', facts: facts('b'), at: T0 + 2 });
    expect(a).toMatchObject({ id: 16_777_217, name: 'a', publicKey: 'ka', facts: facts('a'), enrolledAt: T0 + 1, lastSeen: null, online: false, nodeId: null });
    expect(b?.id).toBe(16_777_218);
    expect((await store.getDeviceByPublicKey('kb'))?.id).toBe(16_777_218);
    expect(await store.getDeviceByPublicKey('nobody')).toBeNull();
    expect(await store.enrollDevice('tok', { publicKey: 'kc', facts: facts('c'), at: T0 + 3 })).toBeNull();
    expect(await store.enrollDevice('unknown', { publicKey: 'kc', facts: facts('c'), at: T0 })).toBeNull();
    await expect(store.addEnrollToken({ tokenHash: 'bad', createdAt: T0, expiresAt: T0, uses: 0 })).rejects.toThrow(/^uses: /);
    await expect(store.addEnrollToken({ tokenHash: 'tok', createdAt: T0, expiresAt: T0, uses: 1 })).rejects.toBeInstanceOf(StoreError);
  });

  it('refuses an expired token and lets exactly N racing enrollments take N uses', async () => {
    const store = await fresh();
    await store.addEnrollToken({ tokenHash: 'old', createdAt: T0, expiresAt: T0 + 10, uses: 5 });
    expect(await store.enrollDevice('old', { publicKey: 'k', facts: facts('x'), at: T0 + 10 })).toBeNull();
    expect(await store.enrollDevice('old', { publicKey: 'k', facts: facts('x'), at: T0 + 9 })).not.toBeNull();
    await store.addEnrollToken({ tokenHash: 'race', createdAt: T0, expiresAt: T0 + 1000, uses: 3 });
    const other = await db.open();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      (i % 2 ? other : store).enrollDevice('race', { publicKey: `k${i}`, facts: facts(`r${i}`), at: T0 })));
    expect(results.filter((r) => r !== null)).toHaveLength(3);
  });

  it('tracks connections, heartbeats and node restarts', async () => {
    const store = await fresh();
    const [a, b, c] = await enroll(store, ['a', 'b', 'c']);
    await store.markConnected(a!, facts('a-renamed', { ip: '10.0.0.9' }), 'node1', T0 + 5);
    await store.markConnected(b!, facts('b'), 'node1', T0 + 5);
    await store.markConnected(c!, facts('c'), 'node2', T0 + 5);
    expect(await store.getDevice(a!)).toMatchObject({ name: 'a-renamed', facts: { ip: '10.0.0.9' }, online: true, nodeId: 'node1', lastSeen: T0 + 5 });
    await store.markDisconnected(a!, 'node2', T0 + 6); // another node's stale disconnect: ignored
    expect((await store.getDevice(a!))?.online).toBe(true);
    await store.markDisconnected(a!, 'node1', T0 + 7);
    expect(await store.getDevice(a!)).toMatchObject({ online: false, nodeId: null, lastSeen: T0 + 7 });
    await store.touchDevices([b!, c!], T0 + 8);
    expect((await store.getDevice(c!))?.lastSeen).toBe(T0 + 8);
    await store.markNodeOffline('node1', T0 + 9);
    expect(await store.getDevice(b!)).toMatchObject({ online: false, nodeId: null, lastSeen: T0 + 8 });
    expect((await store.getDevice(c!))?.online).toBe(true);
    expect(await store.getDevice(1)).toBeNull();
    expect((await store.listDevices()).map((d) => d.id)).toEqual([a, b, c]);
    expect((await store.listDevices({ limit: 1, offset: 1 })).map((d) => d.id)).toEqual([b]);
    await expect(store.listDevices({ limit: -1, offset: 0 })).rejects.toThrow(/^limit: /);
  });

  it('keeps users and their API tokens', async () => {
    const store = await fresh();
    const alice = await store.createUser({ name: 'alice', passwordHash: 'scrypt$1', at: T0 });
    expect(alice).toEqual({ id: alice.id, name: 'alice', passwordHash: 'scrypt$1', createdAt: T0, disabled: false, upn: null });
    await expect(store.createUser({ name: 'alice', passwordHash: null, at: T0 })).rejects.toThrow(/^name: .*already exists/);
    const bob = await store.createUser({ name: 'bob', passwordHash: null, at: T0 });
    expect(await store.getUserByName('bob')).toEqual(bob);
    expect(await store.getUser(alice.id)).toEqual(alice);
    expect(await store.getUserByName('nobody')).toBeNull();
    expect((await store.listUsers()).map((u) => u.name)).toEqual(['alice', 'bob']);
    await store.setPassword(bob.id, 'scrypt$2');
    expect((await store.getUser(bob.id))?.passwordHash).toBe('scrypt$2');

    const tok = await store.addApiToken({ userId: alice.id, name: 'ci', tokenHash: 'h1', createdAt: T0, expiresAt: null });
    expect(await store.getApiTokenByHash('h1')).toEqual(tok);
    await store.addApiToken({ userId: alice.id, name: 'ci2', tokenHash: 'h2', createdAt: T0, expiresAt: T0 + 1 });
    expect((await store.listApiTokens(alice.id)).map((t) => t.name)).toEqual(['ci', 'ci2']);
    await expect(store.addApiToken({ userId: 999, name: 'x', tokenHash: 'h3', createdAt: T0, expiresAt: null })).rejects.toThrow(/^userId: /);
    expect(await store.deleteApiToken(bob.id, tok.id)).toBe(false);
    expect(await store.deleteApiToken(alice.id, tok.id)).toBe(true);
    expect(await store.getApiTokenByHash('h1')).toBeNull();

    await store.ensureBuiltInCollections(T0);
    const role = await store.createRole({ name: 'Viewer', description: '', permissions: ['CMPivot.Read'] as never });
    await store.assignRole({ userId: alice.id, roleId: role.id, collectionId: 'SMS00001' });
    await store.deleteUser(alice.id);
    expect(await store.getUser(alice.id)).toBeNull();
    expect(await store.getApiTokenByHash('h2')).toBeNull();
    expect(await store.assignmentsOf(alice.id)).toEqual([]);
  });

  it('overwrites and deletes settings on demand, while initSetting still keeps the first', async () => {
    const store = await fresh();
    await store.setSetting('cloud.url', 'https://a.example');
    await store.setSetting('cloud.url', 'https://b.example');
    expect(await store.getSetting('cloud.url')).toBe('https://b.example');
    expect(await store.initSetting('cloud.url', 'https://c.example')).toBe('https://b.example');
    await store.deleteSetting('cloud.url');
    await store.deleteSetting('never.set');
    expect(await store.getSetting('cloud.url')).toBeNull();
  });

  it('maps a cloud UPN to the enabled user holding it, else to the user so named, ignoring case', async () => {
    const store = await fresh();
    const alice = await store.createUser({ name: 'alice', passwordHash: null, at: T0 });
    const helpdesk = await store.createUser({ name: 'hd', passwordHash: null, at: T0 });
    const named = await store.createUser({ name: 'Bob@Contoso.com', passwordHash: null, at: T0 });
    await store.setUserUpn(helpdesk.id, 'Helpdesk@Contoso.com');
    expect((await store.getUser(helpdesk.id))?.upn).toBe('Helpdesk@Contoso.com');
    expect((await store.findUserForCloud('helpdesk@contoso.COM'))?.id).toBe(helpdesk.id);
    expect((await store.findUserForCloud('bob@contoso.com'))?.id).toBe(named.id);
    expect((await store.findUserForCloud('alice'))?.id).toBe(alice.id);
    expect(await store.findUserForCloud('carol@contoso.com')).toBeNull();
    // A UPN match wins over a name match.
    await store.setUserUpn(alice.id, 'bob@contoso.com');
    expect((await store.findUserForCloud('BOB@contoso.com'))?.id).toBe(alice.id);
    // One UPN, one user, whatever the case; NULL may repeat.
    await expect(store.setUserUpn(named.id, 'HELPDESK@contoso.com')).rejects.toThrow(/^upn: /);
    await store.setUserUpn(alice.id, null);
    await store.setUserUpn(named.id, null);
    expect((await store.getUser(alice.id))?.upn).toBeNull();
    expect((await store.findUserForCloud('bob@contoso.com'))?.id).toBe(named.id);
    await expect(store.setUserUpn(9999, 'x@y')).rejects.toThrow(/^userId: /);
  });

  it('keeps roles and role assignments', async () => {
    const store = await fresh();
    await store.ensureBuiltInCollections(T0);
    const perms = (...p: string[]) => p as never[];
    await store.ensureRoles([{ name: 'Full Administrator', description: 'all', permissions: perms('a', 'b') }]);
    await store.ensureRoles([{ name: 'Full Administrator', description: 'everything', permissions: perms('a', 'b', 'c') }]);
    const full = await store.getRoleByName('Full Administrator');
    expect(full).toMatchObject({ description: 'everything', permissions: ['a', 'b', 'c'], builtIn: true });
    const custom = await store.createRole({ name: 'Helpdesk', description: 'h', permissions: perms('a') });
    expect(custom.builtIn).toBe(false);
    await expect(store.createRole({ name: 'Helpdesk', description: '', permissions: [] })).rejects.toThrow(/^name: /);
    expect((await store.listRoles()).map((r) => r.name)).toEqual(['Full Administrator', 'Helpdesk']);

    const user = await store.createUser({ name: 'u', passwordHash: null, at: T0 });
    const a1 = await store.assignRole({ userId: user.id, roleId: custom.id, collectionId: 'SMS00001' });
    expect(await store.assignRole({ userId: user.id, roleId: custom.id, collectionId: 'SMS00001' })).toEqual(a1);
    await store.assignRole({ userId: user.id, roleId: full!.id, collectionId: 'SMS00001' });
    await expect(store.assignRole({ userId: user.id, roleId: custom.id, collectionId: 'NOPE0001' })).rejects.toThrow(/^collectionId: /);
    await expect(store.assignRole({ userId: user.id, roleId: 999, collectionId: 'SMS00001' })).rejects.toThrow(/^roleId: /);
    expect(await store.assignmentsOf(user.id)).toEqual([
      { ...a1, roleName: 'Helpdesk', permissions: ['a'] },
      expect.objectContaining({ roleId: full!.id, roleName: 'Full Administrator', permissions: ['a', 'b', 'c'] }),
    ]);
    expect(await store.removeAssignment(a1.id)).toBe(true);
    expect(await store.removeAssignment(a1.id)).toBe(false);
    expect(await store.deleteRole(full!.id)).toBe(false);
    expect(await store.deleteRole(custom.id)).toBe(true);
    expect(await store.getRoleByName('Helpdesk')).toBeNull();
  });

  it('generates collection ids from the site code and keeps direct members', async () => {
    const store = await fresh();
    await store.ensureBuiltInCollections(T0);
    await store.ensureBuiltInCollections(T0 + 1);
    expect(await store.getCollection('SMS00001')).toEqual({ id: 'SMS00001', name: 'All Systems', comment: 'All systems', rules: null, builtIn: true, createdAt: T0 });
    const [d1, d2, d3] = await enroll(store, ['d1', 'd2', 'd3']);
    const rules = [{ field: 'OS' as const, op: 'startswith' as const, value: 'Deb' }];
    const c1 = await store.createCollection({ name: 'Linux', comment: 'c', rules, members: [d2!, d1!, d1!], at: T0 });
    expect(c1).toEqual({ id: 'OPS00001', name: 'Linux', comment: 'c', rules, builtIn: false, createdAt: T0 });
    expect(await store.directMembers('OPS00001')).toEqual([d1, d2]);
    const c2 = await store.createCollection({ name: 'Empty', comment: '', rules: null, members: [], at: T0 });
    expect(c2.id).toBe('OPS00002');
    await expect(store.createCollection({ name: 'Bad', comment: '', rules: null, members: [42], at: T0 })).rejects.toThrow(/^members: no device with id 42/);
    expect((await store.listCollections()).map((c) => c.id)).toEqual(['OPS00001', 'OPS00002', 'SMS00001']);

    expect(await store.updateCollection('OPS00001', { name: 'Debian', rules: null, members: [d3!] })).toMatchObject({ name: 'Debian', comment: 'c', rules: null });
    expect(await store.directMembers('OPS00001')).toEqual([d3]);
    expect(await store.updateCollection('OPS09999', { name: 'x' })).toBeNull();
    expect(await store.deleteCollection('SMS00001')).toBe(false);
    expect(await store.deleteCollection('OPS00001')).toBe(true);
    expect(await store.deleteCollection('OPS00001')).toBe(false);
    expect(await store.directMembers('OPS00001')).toEqual([]);

    // Another node with another site code shares the counter: ids never collide, even when racing.
    const other = await db.open('ABC');
    const raced = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      (i % 2 ? other : store).createCollection({ name: `r${i}`, comment: '', rules: null, members: [], at: T0 })));
    const numbers = raced.map((c) => Number(c.id.slice(3))).sort((x, y) => x - y);
    expect(numbers).toEqual([3, 4, 5, 6, 7, 8]);
    expect(raced.filter((c) => c.id.startsWith('ABC'))).toHaveLength(3);
  });

  it('records operations and finishes each once', async () => {
    const store = await fresh();
    const op1 = await store.createOperation(newOp([5, 6]));
    const op2 = await store.createOperation(newOp([5], { createdAt: T0 + 1, targetKind: 'device', targetId: '5', dialect: 'kusto' }));
    expect(op1).toMatchObject({ userId: 1, userName: 'alice', source: 'api', targetKind: 'collection', targetId: 'SMS00001', status: 'running', finishedAt: null, createdAt: T0 });
    expect(await store.getOperation(op2.id)).toEqual(op2);
    expect(await store.getOperation(9999)).toBeNull();
    expect((await store.listOperations({ limit: 10, offset: 0 })).map((o) => o.id)).toEqual([op2.id, op1.id]);
    expect((await store.listOperations({ limit: 1, offset: 1 })).map((o) => o.id)).toEqual([op1.id]);
    expect(await store.targets(op1.id)).toEqual([
      { operationId: op1.id, deviceId: 5, deviceName: 'dev5', status: 'pending', error: null, rows: 0, truncated: false, warnings: [], updatedAt: T0 },
      expect.objectContaining({ deviceId: 6 }),
    ]);
    const other = await db.open();
    const wins = await Promise.all([store.finishOperation(op1.id, 'completed', T0 + 5), other.finishOperation(op1.id, 'timed-out', T0 + 6)]);
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await store.finishOperation(op1.id, 'cancelled', T0 + 7)).toBe(false);
    const finished = await store.getOperation(op1.id);
    expect(finished?.status).toBe(wins[0] ? 'completed' : 'timed-out');
    expect((await store.runningOperations()).map((o) => o.id)).toEqual([op2.id]);
    await expect(store.createOperation(newOp([1], { targets: [{ deviceId: 1, deviceName: 'x', status: 'bogus' as never }] }))).rejects.toThrow(/^targets\[0\]\.status: /);
  });

  it('never overwrites a final target status, and keeps fields an update omits', async () => {
    const store = await fresh();
    const op = await store.createOperation(newOp([1, 2, 3]));
    await store.updateTargets([
      { operationId: op.id, deviceId: 1, status: 'delivered', at: T0 + 1 },
      { operationId: op.id, deviceId: 1, status: 'completed', rows: 7, warnings: ['w1'], truncated: true, at: T0 + 2 },
      { operationId: op.id, deviceId: 1, status: 'failed', error: 'late', at: T0 + 3 },
      { operationId: op.id, deviceId: 2, status: 'delivered', error: 'transient', rows: 3, at: T0 + 1 },
    ]);
    await store.updateTargets([
      { operationId: op.id, deviceId: 1, status: 'timed-out', at: T0 + 9 },
      { operationId: op.id, deviceId: 2, status: 'no-results', error: null, at: T0 + 4 },
    ]);
    const [t1, t2, t3] = await store.targets(op.id);
    expect(t1).toMatchObject({ status: 'completed', rows: 7, warnings: ['w1'], truncated: true, error: null, updatedAt: T0 + 2 });
    expect(t2).toMatchObject({ status: 'no-results', rows: 3, error: null, warnings: [], truncated: false, updatedAt: T0 + 4 });
    expect(t3).toMatchObject({ status: 'pending', updatedAt: T0 });
    await expect(store.updateTargets([{ operationId: op.id, deviceId: 3, status: 'done' as never, at: T0 }])).rejects.toThrow(/^updates\[0\]\.status: /);
    await store.updateTargets([]);
  });

  it('finds what a device still has to run', async () => {
    const store = await fresh();
    const live = await store.createOperation(newOp([1, 2]));
    const expired = await store.createOperation(newOp([1], { expiresAt: T0 + 10 }));
    const ended = await store.createOperation(newOp([1]));
    await store.finishOperation(ended.id, 'cancelled', T0 + 1);
    const offline = await store.createOperation(newOp([1]));
    await store.updateTargets([{ operationId: offline.id, deviceId: 1, status: 'offline', at: T0 }]);
    const done = await store.createOperation(newOp([1]));
    await store.updateTargets([{ operationId: done.id, deviceId: 1, status: 'completed', at: T0 }]);
    const pending = await store.pendingForDevice(1, T0 + 10);
    expect(pending.map((p) => [p.operation.id, p.target.status])).toEqual([[live.id, 'pending'], [offline.id, 'offline']]);
    expect(pending[0]!.operation).toEqual(live);
    expect(pending[0]!.target).toMatchObject({ deviceId: 1, operationId: live.id });
    expect((await store.pendingForDevice(1, T0 + 5)).map((p) => p.operation.id)).toContain(expired.id);
    expect(await store.pendingForDevice(99, T0)).toEqual([]);
  });

  it('stores chunks once per seq, and lists them by device', async () => {
    const store = await fresh();
    const op = await store.createOperation(newOp([1, 2]));
    const chunk = (deviceId: number, seq: number, rowsJson: string) => ({ operationId: op.id, deviceId, seq, part: 0, rowsJson, rowCount: 1 });
    await store.saveChunks([chunk(2, 0, '[["b0"]]'), chunk(1, 1, '[["a1"]]'), chunk(1, 0, '[["a0"]]')]);
    await store.saveChunks([chunk(1, 0, '[["again"]]'), chunk(1, 0, '[["twice"]]'), chunk(2, 1, '[["b1"]]')]);
    await store.saveChunks([]);
    expect((await store.chunks(op.id)).map((c) => [c.deviceId, c.seq, c.rowsJson])).toEqual([
      [1, 0, '[["a0"]]'], [1, 1, '[["a1"]]'], [2, 0, '[["b0"]]'], [2, 1, '[["b1"]]'],
    ]);
    expect(await store.deviceChunks(op.id, 2)).toEqual([chunk(2, 0, '[["b0"]]'), chunk(2, 1, '[["b1"]]')]);
  });

  it('updates 10,000 targets and saves 10,000 chunks well under a second each', async () => {
    const store = await fresh();
    const ids = Array.from({ length: 10_000 }, (_, i) => i + 1);
    const op = await store.createOperation(newOp(ids));
    const update = await elapsed(() => store.updateTargets(ids.map((deviceId) => ({ operationId: op.id, deviceId, status: 'completed' as const, rows: 1, at: T0 + 1 }))));
    const save = await elapsed(() => store.saveChunks(ids.map((deviceId) => ({ operationId: op.id, deviceId, seq: 0, part: 0, rowsJson: `[[${deviceId}]]`, rowCount: 1 }))));
    console.log(`${backend.name}: 10k updateTargets ${update.toFixed(0)} ms, 10k saveChunks ${save.toFixed(0)} ms`);
    expect((await store.targets(op.id)).every((t) => t.status === 'completed' && t.rows === 1)).toBe(true);
    expect(await store.chunks(op.id)).toHaveLength(10_000);
    expect(update).toBeLessThan(1000);
    expect(save).toBeLessThan(1000);
  });

  it('removes old operations with their targets and chunks', async () => {
    const store = await fresh();
    const old = await store.createOperation(newOp([1]));
    const kept = await store.createOperation(newOp([1], { createdAt: T0 + 100 }));
    for (const op of [old, kept]) await store.saveChunks([{ operationId: op.id, deviceId: 1, seq: 0, part: 0, rowsJson: '[]', rowCount: 0 }]);
    expect(await store.deleteOperationsBefore(T0 + 100)).toBe(1);
    expect(await store.getOperation(old.id)).toBeNull();
    expect(await store.targets(old.id)).toEqual([]);
    expect(await store.chunks(old.id)).toEqual([]);
    expect(await store.chunks(kept.id)).toHaveLength(1);
    expect(await store.deleteOperationsBefore(T0 + 100)).toBe(0);
  });

  it('chains audit records, even when 50 are appended at once from two stores', async () => {
    const store = await fresh();
    const first = await store.appendAudit(audit('ok', { b: 1, a: { d: 2, c: 3 } }));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, outcome: 'ok' });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const other = await db.open();
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? other : store).appendAudit(audit(`n${i}`))));
    const all = await store.listAudit({ limit: 1000, offset: 0 });
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(all[0]).toEqual(first);
    expect(verifyAuditChain(all)).toEqual({ ok: true });
    const tail = await store.listAudit({ limit: 5, offset: 0, afterSeq: 40 });
    expect(tail.map((r) => r.seq)).toEqual([41, 42, 43, 44, 45]);
    expect(verifyAuditChain(tail, all[39]!.hash)).toEqual({ ok: true });
  });

  it('shows tampering with an audit record', async () => {
    const store = await fresh();
    for (let i = 0; i < 5; i++) await store.appendAudit(audit(`n${i}`));
    await db.raw('update audit set outcome = ? where seq = ?', ['forged', 3]);
    const result = verifyAuditChain(await store.listAudit({ limit: 100, offset: 0 }));
    expect(result).toMatchObject({ ok: false, seq: 3 });
    await db.raw('delete from audit where seq = ?', [3]);
    expect(verifyAuditChain(await store.listAudit({ limit: 100, offset: 0 }))).toMatchObject({ ok: false, seq: 4 });
  });

  it('opens twice at once on a fresh database, and keeps its data when reopened', async () => {
    db = await backend.fresh();
    const [s1, s2] = await Promise.all([db.open(), db.open()]);
    await s1.initSetting('k', 'v');
    await s1.close();
    expect(await s2.getSetting('k')).toBe('v');
    await s2.close();
    const again = await db.open();
    expect(await again.getSetting('k')).toBe('v');
  });

  it('lets three processes open a fresh database at once and append to one chain', async () => {
    db = await backend.fresh();
    await Promise.all([runNodeProcess(db.options), runNodeProcess(db.options), runNodeProcess(db.options)]);
    const store = await db.open();
    const records = await store.listAudit({ limit: 1000, offset: 0 });
    expect(records).toHaveLength(75);
    expect(verifyAuditChain(records)).toEqual({ ok: true });
    expect((await store.listCollections()).map((c) => c.id)).toEqual(Array.from({ length: 15 }, (_, i) => `OPS${String(i + 1).padStart(5, '0')}`));
  });
});

describe('openStore options', () => {
  it('names the option it cannot use', async () => {
    await expect(openStore({ dataDir: '/tmp/x', siteCode: 'TOOLONG' })).rejects.toThrow(/^siteCode: /);
    await expect(openStore({ databaseUrl: 'mysql://localhost/x' })).rejects.toThrow(/^databaseUrl: /);
    await expect(openStore({})).rejects.toThrow(/^dataDir: /);
    await expect(openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' })).rejects.toThrow(/could not open the site store \(postgres\)/);
  });
});
