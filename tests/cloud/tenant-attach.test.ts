/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies of many shapes; the tests assert on their fields. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { hostname } from 'node:os';
import { MESSAGES } from '@openpivot/protocol';
import { ENTITIES } from '@openpivot/entities';
import { runOnThisDevice, providersFor, createPathPolicy } from '@openpivot/agent';
import { spawnSite, spawnAgent, spawnOpenpivot, enrollToken, addUser, tempDir, Rest, ADMIN_PASSWORD, type SiteProc, type Proc } from '../site/harness.js';
import { spawnCloud, freePort, addTenant, addCloudUser, attachSite, eventually, type CloudProc } from './cloud-harness.js';

/**
 * Tenant attach end to end (issue 7's "Done when"), with real processes: a cloud, two tenants each with
 * its own attached site, this machine's agent on the first site, simulated devices on the second. Every
 * request goes through the cloud's AdminService-shaped API with cloud credentials, as the admin center's.
 */
const V = '/AdminService/v1.0';
const HOST = hostname().split('.')[0]!;
let cloudPort: number;
let cloudData: string;
let cloud: CloudProc;
let siteA: SiteProc;
let siteAData: string;
let siteB: SiteProc;
let agent: Proc & { dataDir: string };
let fleetB: Proc;
const pw = (upn: string): string => `pw-${upn}`;
const as = (upn: string): Rest => new Rest(cloud.url, upn, pw(upn));
let machineId: number;

beforeAll(async () => {
  cloudPort = await freePort();
  cloudData = tempDir('cloud');
  cloud = await spawnCloud({ dataDir: cloudData, port: cloudPort });
  const contoso = await addTenant(cloud, 'Contoso');
  const fabrikam = await addTenant(cloud, 'Fabrikam');
  for (const [upn, role] of [['admin@contoso.com', 'Intune Administrator'], ['helen@contoso.com', 'Help Desk Operator'], ['rita@contoso.com', 'Read Only Operator'],
    ['nomap@contoso.com', 'Help Desk Operator'], ['norun@contoso.com', 'Help Desk Operator']] as const) {
    await addCloudUser(cloud, upn, contoso, role, pw(upn));
  }
  await addCloudUser(cloud, 'bob@fabrikam.com', fabrikam, 'Help Desk Operator', pw('bob@fabrikam.com'));

  siteAData = tempDir('site-a');
  await attachSite(cloud, contoso, ['--data', siteAData]);
  siteA = await spawnSite({ dataDir: siteAData });
  // The site maps a cloud user by name or by --upn (helen by name, norun by UPN).
  await addUser(siteA.storeArgs, 'helen@contoso.com', 'Helpdesk Operator', 'site-pw');
  await addUser(siteA.storeArgs, 'nora', 'Read-only Analyst', 'site-pw');
  const setUpn = await spawnOpenpivotDone(['site', 'user', 'add', 'norun', '--role', 'Read-only Analyst', '--upn', 'norun@contoso.com', ...siteA.storeArgs]);
  expect(setUpn).toBe(0);
  agent = spawnAgent(siteA.url, await enrollToken(siteA.storeArgs));

  const siteBData = tempDir('site-b');
  await attachSite(cloud, fabrikam, ['--data', siteBData]);
  siteB = await spawnSite({ dataDir: siteBData });
  await addUser(siteB.storeArgs, 'bob@fabrikam.com', 'Helpdesk Operator', 'site-pw');
  fleetB = spawnOpenpivot(['agent', '--simulate', '3', '--site', siteB.url, '--token', await enrollToken(siteB.storeArgs, 3), '--data', tempDir('fleet-b')]);

  const online = await eventually(async () => (await as('helen@contoso.com').devices()).find((d) => d.Name === HOST && d.IsOnline), 30_000, 'this machine in the cloud');
  machineId = online.MachineId;
  await eventually(async () => (await as('bob@fabrikam.com').devices()).filter((d) => d.IsOnline).length === 3, 30_000, "Fabrikam's devices");
}, 120_000);

afterAll(async () => {
  await Promise.all([agent?.kill(), fleetB?.kill()]);
  await Promise.all([siteA?.kill(), siteB?.kill()]);
  await cloud?.kill();
});

async function spawnOpenpivotDone(args: readonly string[]): Promise<number> {
  const p = spawnOpenpivot(args);
  await new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
  return p.child.exitCode ?? 1;
}

async function run(user: Rest, query: string, id = machineId): Promise<{ status: number; body: any }> {
  return user.post(`${V}/Device(${id})/AdminService.RunCMPivot`, { InputQuery: query });
}

async function result(user: Rest, opId: number, id = machineId): Promise<{ status: number; body: any }> {
  return user.poll(`${V}/Device(${id})/AdminService.CMPivotResult(OperationId=${opId})`, 30_000);
}

describe('tenant attach: a Help Desk operator in the admin center', () => {
  it("runs OS | project Caption, Version on this machine and gets its real answer", async () => {
    const r = await run(as('helen@contoso.com'), 'OS | project Caption, Version');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const answer = await result(as('helen@contoso.com'), r.body.value.OperationId);
    expect(answer.status).toBe(200);
    const local = await runOnThisDevice('OS | project Caption, Version', {
      entities: ENTITIES, providers: providersFor('linux'), device: HOST, policy: createPathPolicy({}), now: Date.now(),
    });
    expect(answer.body.value.Status).toBe('completed');
    expect(answer.body.value.Result).toEqual(local.rows.map(([Caption, Version]) => ({ Caption, Version, Device: HOST })));
  });

  it('shows the device with its client details to a Read Only operator, who may not run anything', async () => {
    const rita = as('rita@contoso.com');
    const device = await rita.get(`${V}/Device(${machineId})`);
    expect(device.status).toBe(200);
    expect(device.body.value).toMatchObject({ MachineId: machineId, Name: HOST, IsOnline: true, SiteCode: 'OPS', Platform: 'linux' });
    expect(device.body.value.Collections).toEqual([{ CollectionId: 'SMS00001', Name: 'All Systems' }]);
    const r = await run(rita, 'OS');
    expect(r.status).toBe(403);
    expect(r.body.error).toEqual({ code: 'RoleMissing', message: MESSAGES.cloudRoleMissing });
  });

  it('refuses a Help Desk operator the site does not know with "Unable to get device information…"', async () => {
    const r = await run(as('nomap@contoso.com'), 'OS');
    expect(r.status).toBe(403);
    expect(r.body.error).toEqual({ code: 'UserNotMapped', message: MESSAGES.cloudUserNotMapped });
  });

  it("refuses one whose site user lacks Run CMPivot with the site's own message", async () => {
    const r = await run(as('norun@contoso.com'), 'OS');
    expect(r.status).toBe(403);
    expect(r.body.error).toEqual({ code: 'Forbidden', message: MESSAGES.notAuthorized });
  });

  it("records the run in the site's audit as coming from the cloud, with the UPN, and in the cloud's own", async () => {
    const r = await run(as('helen@contoso.com'), 'Device | project Model');
    await result(as('helen@contoso.com'), r.body.value.OperationId);
    const siteAudit = await new Rest(siteA.url, 'admin', ADMIN_PASSWORD).get(`${V}/AuditRecords`);
    const entry = (siteAudit.body.value as any[]).find((a) => a.Kind === 'run' && a.Query === 'Device | project Model');
    expect(entry).toMatchObject({ Source: 'cloud', UserName: 'helen@contoso.com', Details: expect.objectContaining({ cloudUpn: 'helen@contoso.com' }) });
    const cloudAudit = await as('admin@contoso.com').get(`${V}/Audit`);
    const mine = (cloudAudit.body.value as any[]).filter((a) => a.operationId === r.body.value.OperationId);
    expect(mine.map((a) => `${a.action}:${a.outcome}`).sort()).toEqual(['query-ended:completed', 'query:accepted']);
    for (const a of mine) expect(a).toMatchObject({ upn: 'helen@contoso.com', machineId, deviceName: HOST, query: 'Device | project Model' });
    // Someone else's tenant trail is not for a Help Desk operator.
    expect((await as('helen@contoso.com').get(`${V}/Audit`)).status).toBe(403);
  });

  it("gives the other tenant's user no device of this one, and 404 on it everywhere", async () => {
    const bob = as('bob@fabrikam.com');
    expect((await bob.devices()).some((d) => d.Name === HOST)).toBe(false);
    const mine = await run(as('helen@contoso.com'), 'OS | project Version');
    const opId = mine.body.value.OperationId;
    for (const r of [
      await bob.get(`${V}/Device(${machineId})`),
      await run(bob, 'OS'),
      await bob.get(`${V}/Device(${machineId})/AdminService.CMPivotResult(OperationId=${opId})`),
      await bob.post(`${V}/CMPivotOperations(${opId})/Cancel`, {}),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NotFound');
    }
  });
});

describe('tenant attach: device sync', () => {
  it('shows a newly enrolled device within 5 s, and its going offline within 5 s', async () => {
    const bob = as('bob@fabrikam.com');
    const before = (await bob.devices()).length;
    const newcomer = spawnOpenpivot(['agent', '--simulate', '1', '--site', siteB.url, '--token', await enrollToken(siteB.storeArgs), '--data', tempDir('newcomer'), '--seed', '7']);
    try {
      await newcomer.waitFor(/connected|welcomed/i, 30_000);
      const enrolledAt = Date.now();
      await eventually(async () => (await bob.devices()).length === before + 1, 5_000, 'the new device in the cloud');
      expect(Date.now() - enrolledAt).toBeLessThan(5_000);
    } finally {
      await newcomer.kill();
    }
    const goneAt = Date.now();
    await eventually(async () => (await bob.devices()).filter((d) => d.IsOnline).length === 3, 5_000, 'the device offline in the cloud');
    expect(Date.now() - goneAt).toBeLessThan(5_000);
  });
});

describe('tenant attach: when things drop', () => {
  it('reports an offline device as offline within 10 s', async () => {
    const helen = as('helen@contoso.com');
    await agent.kill();
    await eventually(async () => (await helen.get(`${V}/Device(${machineId})`)).body.value.IsOnline === false, 10_000, 'the device offline in the cloud');
    const started = Date.now();
    const r = await run(helen, 'OS');
    expect(r.status).toBe(200);
    const answer = await result(helen, r.body.value.OperationId);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(answer.body.value).toMatchObject({ Status: 'offline', Result: [] });
    agent = spawnAgent(siteA.url, 'unused', agent.dataDir);
    await eventually(async () => (await helen.get(`${V}/Device(${machineId})`)).body.value.IsOnline === true, 30_000, 'the device back online');
  });

  it('says at once that the site is not connected, and works again after the site restarts', async () => {
    const helen = as('helen@contoso.com');
    await siteA.kill();
    const started = Date.now();
    const r = await run(helen, 'OS');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(r.status).toBe(503);
    expect(r.body.error).toEqual({ code: 'SiteNotConnected', message: MESSAGES.siteNotConnected('OPS') });
    siteA = await spawnSite({ dataDir: siteAData, port: Number(new URL(siteA.url).port) });
    await eventually(async () => (await helen.get(`${V}/Device(${machineId})`)).body.value.IsOnline === true, 45_000, 'the site and its device back');
    const again = await run(helen, 'OS | project Version');
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect((await result(helen, again.body.value.OperationId)).body.value.Status).toBe('completed');
  });

  it('reconnects by itself after the cloud restarts, and queries work again', async () => {
    await cloud.kill();
    cloud = await spawnCloud({ dataDir: cloudData, port: cloudPort });
    const helen = as('helen@contoso.com');
    const back = await eventually(async () => {
      const r = await run(helen, 'OS | project Version');
      return r.status === 200 ? r : null;
    }, 45_000, 'the site reconnected to the restarted cloud');
    expect((await result(helen, back.body.value.OperationId)).body.value.Status).toBe('completed');
  });
});
