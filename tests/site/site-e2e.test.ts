/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies of many shapes; the tests assert on their fields. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { hostname } from 'node:os';
import { MESSAGES } from '@openpivot/protocol';
import { ENTITIES } from '@openpivot/entities';
import { runOnThisDevice, providersFor, createPathPolicy } from '@openpivot/agent';
import { spawnSite, spawnAgent, spawnOpenpivot, enrollToken, addUser, tempDir, Rest, ADMIN_PASSWORD, type SiteProc, type Proc } from './harness.js';

/**
 * The site end to end, through its REST API, with real agent processes for this machine and 200
 * simulated devices in a third process: what the "Done when" lists, one test each.
 */
const V = '/AdminService/v1.0';
let site: SiteProc;
let dataDir: string;
let admin: Rest;
let helpdesk: Rest;
let analyst: Rest;
const agents: (Proc & { dataDir: string })[] = [];
let fleet: Proc;
let realIds: number[] = [];

beforeAll(async () => {
  dataDir = tempDir('site');
  site = await spawnSite({ dataDir, extra: ['--disconnect-grace', '2s'] });
  admin = new Rest(site.url, 'admin', ADMIN_PASSWORD);
  for (let i = 0; i < 3; i++) agents.push(spawnAgent(site.url, await enrollToken(site.storeArgs)));
  fleet = spawnOpenpivot(['agent', '--simulate', '200', '--site', site.url, '--token', await enrollToken(site.storeArgs, 200), '--data', tempDir('fleet')]);
  await addUser(site.storeArgs, 'helpdesk', 'Helpdesk Operator', 'helpdesk-password');
  await addUser(site.storeArgs, 'analyst', 'Read-only Analyst', 'analyst-password');
  helpdesk = new Rest(site.url, 'helpdesk', 'helpdesk-password');
  analyst = new Rest(site.url, 'analyst', 'analyst-password');
  const online = await admin.waitOnline(203, 90_000);
  realIds = online.filter((d) => d.Name === shortHost()).map((d) => d.MachineId as number).sort((a, b) => a - b);
}, 120_000);

afterAll(async () => {
  await Promise.all([...agents.map((a) => a.kill()), fleet?.kill()]);
  await site?.kill();
});

function shortHost(): string {
  return hostname().split('.')[0]!;
}

describe('a Helpdesk Operator on one device', () => {
  it('runs OS and gets this machine\'s answer', async () => {
    expect(realIds).toHaveLength(3);
    const run = await helpdesk.post(`${V}/Device(${realIds[0]})/AdminService.RunCMPivot`, { InputQuery: 'OS | project Caption, Version, OSArchitecture' });
    expect(run.status).toBe(200);
    const opId = run.body.value.OperationId;
    expect(typeof opId).toBe('number');
    const r = await helpdesk.poll(`${V}/Device(${realIds[0]})/AdminService.CMPivotResult(OperationId=${opId})`);
    expect(r.status).toBe(200);
    const local = await runOnThisDevice('OS | project Caption, Version, OSArchitecture', {
      entities: ENTITIES, providers: providersFor('linux'), device: shortHost(), policy: createPathPolicy({}), now: Date.now(),
    });
    expect(r.body.value.Result).toEqual(local.rows.map(([Caption, Version, OSArchitecture]) => ({ Caption, Version, OSArchitecture, Device: shortHost() })));
    expect(r.body.value.Status).toBe('completed');
  });

  it('is refused FileContent (sensitive) with CMPivot\'s message, which an administrator may run', async () => {
    const body = { InputQuery: "FileContent('/etc/hostname')" };
    const refused = await helpdesk.post(`${V}/Device(${realIds[0]})/AdminService.RunCMPivot`, body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(MESSAGES.sensitiveEntity(['FileContent']));
    const allowed = await admin.post(`${V}/Device(${realIds[0]})/AdminService.RunCMPivot`, body);
    expect(allowed.status).toBe(200);
  });

  it('a user without Run CMPivot gets 403 with CMPivot\'s message', async () => {
    const r = await analyst.post(`${V}/Device(${realIds[0]})/AdminService.RunCMPivot`, { InputQuery: 'OS' });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toBe(MESSAGES.notAuthorized);
  });

  it('an unknown device is 404, a malformed query 400 with positions, a body over 1 MB 413', async () => {
    expect((await helpdesk.post(`${V}/Device(99999999)/AdminService.RunCMPivot`, { InputQuery: 'OS' })).status).toBe(404);
    const bad = await helpdesk.post(`${V}/Device(${realIds[0]})/AdminService.RunCMPivot`, { InputQuery: 'OS\n| where Nmae == 1' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('InvalidQuery');
    expect(bad.body.error.details[0]).toMatchObject({ line: 2, column: 9 });
    const big = await helpdesk.post(`${V}/Device(${realIds[0]})/AdminService.RunCMPivot`, { InputQuery: `OS | where Caption == '${'x'.repeat(1_100_000)}'` });
    expect(big.status).toBe(413);
    const notJson = await helpdesk.post(`${V}/Device(${realIds[0]})/AdminService.RunCMPivot`, '{"InputQuery": ');
    expect(notJson.status).toBe(400);
    const noAuth = await fetch(`${site.url}${V}/Device`);
    expect(noAuth.status).toBe(401);
  });
});

describe('a collection query over 3 real agents and 200 simulated ones', () => {
  it('merges summarize count() by across every device', async () => {
    const run = await admin.post(`${V}/Collections('SMS00001')/AdminService.RunCMPivot`, { InputQuery: 'OS | summarize Devices = count() by Version | order by Version asc' });
    expect(run.status).toBe(200);
    const opId = run.body.OperationId;
    expect((await admin.waitEnded(opId)).Status).toBe('completed');
    const merged = (await admin.get(`${V}/Collections('SMS00001')/AdminService.CMPivotResult(OperationId=${opId})`)).body.value[0];
    // The same answer computed here from every device's own rows.
    const raw = await admin.post(`${V}/Collections('SMS00001')/AdminService.RunCMPivot`, { InputQuery: 'OS | project Device, Version' });
    await admin.waitEnded(raw.body.OperationId);
    const rows = (await admin.get(`${V}/Collections('SMS00001')/AdminService.CMPivotResult(OperationId=${raw.body.OperationId})`)).body.value[0].Result as any[];
    expect(rows).toHaveLength(203);
    const expected = new Map<string, number>();
    for (const r of rows) expected.set(r.Version, (expected.get(r.Version) ?? 0) + 1);
    expect(expected.size).toBeGreaterThan(3);
    expect(merged.Result).toEqual([...expected].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([Version, Devices]) => ({ Version, Devices })));
    expect(merged.Counts).toEqual({ completed: 203 });
  });
});

describe('devices that fail and a site that restarts', () => {
  it('killing an agent mid-query: that device fails, the operation completes', async () => {
    const created = await admin.post(`${V}/Collections`, { Name: 'Real agents', Members: realIds });
    expect(created.status).toBe(201);
    const collection = created.body.CollectionId;
    // The third agent is frozen, so it holds the query without answering when it is killed.
    agents[2]!.child.kill('SIGSTOP');
    const run = await admin.post(`${V}/Collections('${collection}')/AdminService.RunCMPivot`, { InputQuery: 'OS | project Caption, Version' });
    const opId = run.body.OperationId;
    await waitStatus(opId, realIds[2]!, 'delivered');
    await agents[2]!.kill('SIGKILL');
    const ended = await admin.waitEnded(opId, 90_000);
    expect(ended.Status).toBe('completed');
    const status = (await admin.get(`${V}/SMS_CMPivotStatus?$filter=ClientOperationId eq ${opId}`)).body.value as any[];
    const killed = status.find((s) => s.ResourceId === realIds[2]);
    expect(killed.Status).toBe('failed');
    expect(killed.Error).toMatch(/offline/);
    expect(status.filter((s) => s.Status === 'completed')).toHaveLength(2);
  });

  it('restarting the site mid-operation loses no acknowledged result', async () => {
    // Agent 2 is down (killed above): the operation waits for it while agents 0 and 1 answer.
    const run = await admin.post(`${V}/Collections('SMS00001')/AdminService.RunCMPivot`, { InputQuery: `OS | where Device == '${shortHost()}' | project Device, Caption` });
    const opId = run.body.OperationId;
    await waitStatus(opId, realIds[0]!, 'completed');
    await waitStatus(opId, realIds[1]!, 'completed');
    const port = Number(new URL(site.url).port);
    await site.kill('SIGKILL');
    site = await spawnSite({ dataDir, port, extra: ['--disconnect-grace', '2s'] });
    agents[2] = spawnAgent(site.url, 'unused', agents[2]!.dataDir);
    const ended = await admin.waitEnded(opId, 90_000);
    expect(ended.Status).toBe('completed');
    const result = (await admin.get(`${V}/Collections('SMS00001')/AdminService.CMPivotResult(OperationId=${opId})`)).body.value[0];
    expect(result.Result).toHaveLength(3);
    expect(result.Counts.completed).toBe(3);
    expect(result.Counts['no-results']).toBe(200);
  });
});

async function waitStatus(opId: number, deviceId: number, status: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = (await admin.get(`${V}/SMS_CMPivotStatus?$filter=ClientOperationId eq ${opId}`)).body?.value as any[] | undefined;
    const s = rows?.find((r) => r.ResourceId === deviceId)?.Status;
    if (s === status) return;
    if (Date.now() > until) throw new Error(`device ${deviceId} of operation ${opId} is ${s}, not ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
