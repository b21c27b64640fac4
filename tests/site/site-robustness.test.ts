/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies of many shapes; the tests assert on their fields. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { startSite, createEnrollToken, addUser, type RunningSite, type Log } from '@openpivot/site';
import { simulateAgents, silentLogger, type SimulatedFleet } from '@openpivot/agent';
import { tempDir, Rest, SseStream, basicAuth, ADMIN_PASSWORD } from './harness.js';

/**
 * What users see of an operation's life (stream, cancel, pending, time-out, a device that comes late),
 * what the audit trail holds, retention, and result paging — against a site in this process on a real
 * SQLite store and real sockets, with simulated agents speaking the real protocol.
 */
const V = '/AdminService/v1.0';
const HELPDESK_PASSWORD = 'helpdesk-password';
const quiet: Log = () => undefined;
const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

let site: RunningSite;
let admin: Rest;
let helpdesk: Rest;
let fleet: SimulatedFleet;
const dirs = { ghost: tempDir('ghost'), late: tempDir('late'), tardy: tempDir('tardy') };
const fleets: SimulatedFleet[] = [];
let byName = new Map<string, number>();
const id = (name: string): number => byName.get(name) ?? Number.NaN;

/** A fleet run once to enroll (and save its identities), then stopped: enrolled devices now offline. */
async function enrollOffline(prefix: string, count: number, dataDir: string, token: string): Promise<void> {
  const f = await simulateAgents({ count, siteUrl: site.url, token, dataDir, namePrefix: prefix, log: silentLogger });
  await f.ready(count, 20_000);
  await f.close();
}

function bringOnline(prefix: string, count: number, dataDir: string): Promise<SimulatedFleet> {
  return simulateAgents({ count, siteUrl: site.url, dataDir, namePrefix: prefix, log: silentLogger }).then((f) => (fleets.push(f), f));
}

async function run(rest: Rest, target: string, body: Record<string, unknown>): Promise<number> {
  const r = await rest.post(`${V}/${target}/AdminService.RunCMPivot`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body.value.OperationId ?? r.body.OperationId) as number;
}

async function statuses(opId: number): Promise<Record<string, string>> {
  const r = await admin.get(`${V}/SMS_CMPivotStatus?$filter=ClientOperationId eq ${opId}`);
  return Object.fromEntries(r.body.value.map((t: any) => [t.DeviceName, t.Status]));
}

async function collection(name: string, body: Record<string, unknown>): Promise<string> {
  const r = await admin.post(`${V}/Collections`, { Name: name, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.CollectionId as string;
}

beforeAll(async () => {
  site = await startSite({ dataDir: tempDir('robust'), port: 0, host: '127.0.0.1', nodeId: 'robust', adminPassword: ADMIN_PASSWORD, disconnectGraceMs: 1_000, log: quiet });
  admin = new Rest(site.url, 'admin', ADMIN_PASSWORD);
  const token = await createEnrollToken(site.store, { expiresMs: 120_000, uses: 55 });
  await enrollOffline('GHOST-', 1, dirs.ghost, token);
  await enrollOffline('LATE-', 3, dirs.late, token);
  await enrollOffline('TARDY-', 1, dirs.tardy, token);
  fleet = await simulateAgents({ count: 50, siteUrl: site.url, token, log: silentLogger });
  fleets.push(fleet);
  await fleet.ready(50, 30_000);
  await addUser(site.store, { name: 'helpdesk', role: 'Helpdesk Operator', collections: [], password: HELPDESK_PASSWORD });
  helpdesk = new Rest(site.url, 'helpdesk', HELPDESK_PASSWORD);
  // The stopped fleets' sockets close asynchronously: wait until the site has them offline.
  for (const until = Date.now() + 10_000; (await admin.devices()).filter((d) => d.IsOnline).length !== 50; ) {
    if (Date.now() > until) throw new Error('the stopped fleets\' devices are still online');
    await new Promise((res) => setTimeout(res, 100));
  }
  byName = new Map((await admin.devices()).map((d) => [d.Name as string, d.MachineId as number]));
}, 60_000);

afterAll(async () => {
  await Promise.all(fleets.map((f) => f.close()));
  await site?.close();
});

describe('an operation as users see it', () => {
  it('streams a snapshot, device events, each device\'s rows, then the merged result', async () => {
    const coll = await collection('late-three', { Rules: [{ field: 'Name', op: 'startswith', value: 'LATE-' }] });
    const opId = await run(admin, `Collections('${coll}')`, { InputQuery: 'OS | project Caption', TimeoutSeconds: 60 });
    const stream = await SseStream.open(`${site.url}${V}/CMPivotOperations(${opId})/Events`, basicAuth('admin', ADMIN_PASSWORD));
    try {
      const snapshot = await stream.waitFor('snapshot', 5_000);
      expect(snapshot.data.Status).toBe('running');
      expect(snapshot.data.Targets.map((t: any) => t.Status)).toEqual(['offline', 'offline', 'offline']);
      // Devices come online only now, so every device event happens while the stream is open.
      await bringOnline('LATE-', 3, dirs.late);
      const result = await stream.waitFor('result', 20_000);
      expect(stream.events.at(-1)).toBe(result);
      const lateIds = ['LATE-00001', 'LATE-00002', 'LATE-00003'].map(id).sort();
      const completed = stream.events.filter((e) => e.event === 'device' && e.data.Status === 'completed');
      expect(completed.map((e) => e.data.ResourceId).sort()).toEqual(lateIds);
      const rows = stream.events.filter((e) => e.event === 'rows');
      expect(rows.map((e) => e.data.ResourceId).sort()).toEqual(lateIds);
      const streamed = rows.flatMap((e) => e.data.Result.map((r: any) => r.Caption as string)).sort();
      expect(streamed).toHaveLength(3);
      expect(result.data.Status).toBe('completed');
      expect(result.data.Rows).toBe(3);
      expect(result.data.Result.map((r: any) => r.Caption).sort()).toEqual(streamed);
      expect(await stream.endedWithin(2_000)).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('cancel on an operation waiting for an offline device: 200, its targets cancelled; a second cancel 409', async () => {
    const opId = await run(admin, `Device(${id('GHOST-00001')})`, { InputQuery: 'OS | project Caption' });
    expect(await statuses(opId)).toEqual({ 'GHOST-00001': 'offline' });
    const first = await admin.post(`${V}/CMPivotOperations(${opId})/Cancel`, {});
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.Status).toBe('cancelled');
    expect(await statuses(opId)).toEqual({ 'GHOST-00001': 'cancelled' });
    expect((await admin.get(`${V}/CMPivotOperations(${opId})`)).body.Status).toBe('cancelled');
    const second = await admin.post(`${V}/CMPivotOperations(${opId})/Cancel`, {});
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('Conflict');
  });

  it('Pending lists the devices that have not answered; an enrolled but offline device shows offline', async () => {
    const coll = await collection('ghost-and-one', { Members: [id('GHOST-00001'), id('SIM-00001')] });
    const opId = await run(admin, `Collections('${coll}')`, { InputQuery: 'OS | project Caption', TimeoutSeconds: 60 });
    await expect.poll(async () => (await statuses(opId))['SIM-00001'], { timeout: 10_000 }).toBe('completed');
    const pending = await admin.get(`${V}/CMPivotOperations(${opId})/Pending`);
    expect(pending.status).toBe(200);
    expect(pending.body.value.map((t: any) => [t.ResourceId, t.DeviceName, t.Status])).toEqual([[id('GHOST-00001'), 'GHOST-00001', 'offline']]);
  });

  it('TimeoutSeconds 2 with an offline device: the operation ends timed-out and the device stays offline', async () => {
    const began = Date.now();
    const opId = await run(admin, `Device(${id('GHOST-00001')})`, { InputQuery: 'OS | project Caption', TimeoutSeconds: 2 });
    const ended = await admin.waitEnded(opId, 10_000);
    expect(ended.Status).toBe('timed-out');
    expect(Date.now() - began).toBeGreaterThanOrEqual(1_900);
    expect(await statuses(opId)).toEqual({ 'GHOST-00001': 'offline' });
  });

  it('a device that comes online inside the window still gets the query and answers', async () => {
    const device = id('TARDY-00001');
    const opId = await run(admin, `Device(${device})`, { InputQuery: 'OS | project Caption', TimeoutSeconds: 30 });
    expect(await statuses(opId)).toEqual({ 'TARDY-00001': 'offline' });
    await bringOnline('TARDY-', 1, dirs.tardy);
    expect((await admin.waitEnded(opId, 20_000)).Status).toBe('completed');
    expect(await statuses(opId)).toEqual({ 'TARDY-00001': 'completed' });
    const r = await admin.get(`${V}/Device(${device})/AdminService.CMPivotResult(OperationId=${opId})`);
    expect(r.status).toBe(200);
    expect(r.body.value.Result).toHaveLength(1);
  });
});

/** The whole audit trail, following its nextLinks. */
async function auditTrail(): Promise<any[]> {
  const out: any[] = [];
  for (let path: string | undefined = `${V}/AuditRecords?$top=1000`; path; ) {
    const r = await admin.get(path);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    out.push(...r.body.value);
    path = r.body['@odata.nextLink'];
  }
  return out;
}

describe('the audit trail', () => {
  it('a Helpdesk run leaves a run record (user, source, target, query, hash, operation) and a run-end with counts', async () => {
    const query = `OS | where Caption != '${randomUUID()}' | project Caption`;
    const device = id('SIM-00002');
    const opId = await run(helpdesk, `Device(${device})`, { InputQuery: query });
    expect((await helpdesk.waitEnded(opId, 10_000)).Status).toBe('completed');
    const started = (await auditTrail()).find((r) => r.Kind === 'run' && r.OperationId === opId);
    expect(started).toMatchObject({
      UserName: 'helpdesk', Source: 'api', Target: `Device(${device})`, Query: query, QuerySha256: sha256(query), OperationId: opId, Outcome: 'started',
    });
    await expect.poll(async () => (await auditTrail()).find((r) => r.Kind === 'run-end' && r.OperationId === opId), { timeout: 5_000 }).toMatchObject({
      UserName: 'helpdesk', QuerySha256: sha256(query), Outcome: 'completed', Details: { counts: { completed: 1 } },
    });
  });

  it('a refused run (403) and a failed login (401) each leave a record', async () => {
    const sensitive = "FileContent('/etc/hostname')";
    const refused = await helpdesk.post(`${V}/Device(${id('SIM-00003')})/AdminService.RunCMPivot`, { InputQuery: sensitive });
    expect(refused.status).toBe(403);
    const login = await new Rest(site.url, 'helpdesk', 'not-the-password').get(`${V}/Device`);
    expect(login.status).toBe(401);
    await expect.poll(async () => {
      const trail = await auditTrail();
      return [
        trail.some((r) => r.Kind === 'refused' && r.UserName === 'helpdesk' && r.Query === sensitive && r.Outcome === 'forbidden'),
        trail.some((r) => r.Kind === 'auth-failure' && r.UserName === 'helpdesk' && r.Source === 'api'),
      ];
    }, { timeout: 5_000 }).toEqual([true, true]);
  });

  it('Verify says the chain is intact; a Helpdesk user may not read the trail', async () => {
    const verify = await admin.get(`${V}/AuditRecords/Verify`);
    expect(verify.status).toBe(200);
    expect(verify.body.Ok).toBe(true);
    expect(verify.body.Records).toBe((await auditTrail()).length);
    expect((await helpdesk.get(`${V}/AuditRecords`)).status).toBe(403);
    expect((await helpdesk.get(`${V}/AuditRecords/Verify`)).status).toBe(403);
  });
});

describe('retention', () => {
  it('a site started with retentionDays 7 removes an 8-day-old operation with its targets and results, and keeps a 2-day-old one', async () => {
    const dataDir = tempDir('retention');
    const day = 86_400_000;
    const first = await startSite({ dataDir, port: 0, host: '127.0.0.1', nodeId: 'retention', adminPassword: ADMIN_PASSWORD, log: quiet });
    const ids: number[] = [];
    try {
      const store = first.store;
      const token = await createEnrollToken(store, { expiresMs: 60_000 });
      const device = (await store.enrollDevice(sha256(token), { publicKey: 'key', facts: { name: 'old-01', platform: 'linux', os: 'Debian', osVersion: '12', agentVersion: '0.1.0', ip: '127.0.0.1' }, at: Date.now() }))!;
      const user = (await store.getUserByName('admin'))!;
      for (const age of [8, 2]) {
        const at = Date.now() - age * day;
        const op = await store.createOperation({
          userId: user.id, userName: user.name, source: 'api', targetKind: 'device', targetId: String(device.id), query: 'OS', querySha256: sha256('OS'),
          dialect: 'cmpivot', createdAt: at, expiresAt: at + 60_000, targets: [{ deviceId: device.id, deviceName: device.name, status: 'pending' }],
        });
        await store.saveChunks([{ operationId: op.id, deviceId: device.id, seq: 0, part: 0, rowsJson: '[["x"]]', rowCount: 1 }]);
        await store.finishOperation(op.id, 'completed', at + 1_000);
        ids.push(op.id);
      }
    } finally {
      await first.close();
    }
    // The clean-up runs when the site starts and then hourly: a restart is the way to trigger it from outside.
    const second = await startSite({ dataDir, port: 0, host: '127.0.0.1', nodeId: 'retention', adminPassword: ADMIN_PASSWORD, retentionDays: 7, log: quiet });
    try {
      const [old, recent] = ids as [number, number];
      await expect.poll(() => second.store.getOperation(old), { timeout: 5_000 }).toBeNull();
      expect(await second.store.targets(old)).toEqual([]);
      expect(await second.store.chunks(old)).toEqual([]);
      expect((await new Rest(second.url, 'admin', ADMIN_PASSWORD).get(`${V}/CMPivotOperations(${old})`)).status).toBe(404);
      expect((await second.store.getOperation(recent))?.status).toBe('completed');
      expect(await second.store.chunks(recent)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

describe('paging CMPivotResult', () => {
  it('$top and $skip with @odata.nextLink walk the whole result of a 50-device collection query', async () => {
    const coll = await collection('fifty-sims', { Rules: [{ field: 'Name', op: 'startswith', value: 'SIM-' }] });
    const opId = await run(admin, `Collections('${coll}')`, { InputQuery: 'Process | project Name', TimeoutSeconds: 60 });
    expect((await admin.waitEnded(opId, 20_000)).Status).toBe('completed');
    const path = `${V}/Collections('${coll}')/AdminService.CMPivotResult(OperationId=${opId})`;
    const whole = await admin.get(path);
    expect(whole.status).toBe(200);
    const all = whole.body.value[0].Result as any[];
    expect(whole.body.value[0].Devices).toBe(50);
    const perDevice = (await admin.get(`${V}/SMS_CMPivotStatus?$filter=ClientOperationId eq ${opId}`)).body.value.reduce((n: number, t: any) => n + t.Rows, 0);
    expect(all.length).toBe(perDevice);
    expect(all.length).toBeGreaterThan(200);
    expect(whole.body['@odata.count']).toBe(all.length);
    expect(whole.body['@odata.nextLink']).toBeUndefined();

    const pages: any[][] = [];
    for (let next: string | undefined = `${path}?$top=97`; next; ) {
      const r = await admin.get(next);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      pages.push(r.body.value[0].Result);
      next = r.body['@odata.nextLink'];
      expect(pages.length).toBeLessThan(1_000);
    }
    expect(pages.slice(0, -1).every((p) => p.length === 97)).toBe(true);
    expect(pages.flat()).toEqual(all);
    const skipped = await admin.get(`${path}?$skip=10&$top=5`);
    expect(skipped.body.value[0].Result).toEqual(all.slice(10, 15));
  });

  it('$top=abc and $skip=-1 are 400', async () => {
    const opId = await run(admin, `Device(${id('SIM-00004')})`, { InputQuery: 'OS | project Caption' });
    const path = `${V}/Device(${id('SIM-00004')})/AdminService.CMPivotResult(OperationId=${opId})`;
    expect((await admin.poll(path, 10_000)).status).toBe(200);
    const bad = await admin.get(`${path}?$top=abc`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/\$top/);
    expect((await admin.get(`${path}?$skip=-1`)).status).toBe(400);
  });
});
