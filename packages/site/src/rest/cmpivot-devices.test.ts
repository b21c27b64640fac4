/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies of many shapes; the tests assert on their fields. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_SELECTED_DEVICES, MESSAGES } from '@openpivot/protocol';
import { silentLog } from '@openpivot/server';
import { startSite, type RunningSite } from '../site.js';
import { createEnrollToken } from '../admin-commands.js';
import { RawAgent, newAgentKey } from '../agents/raw-agent.js';
import { basic } from './admin/test-site.js';

/**
 * CMPivot on selected devices (the Devices node's selection, Device Pivot), over real HTTP to a real
 * site (SQLite in a temp directory), with agents on real WebSockets answering exactly the rows given.
 */
const V = '/AdminService/v1.0';
const PASSWORD = 'selected-devices-password';
const ADMIN = basic('admin', PASSWORD);
const QUERY = 'OS | project Device, Caption';
let site: RunningSite;
let dataDir: string;
const agents: Record<string, { agent: RawAgent; id: number }> = {};
let helpdesk: string;

async function call(method: string, path: string, o: { auth?: string | null; body?: unknown } = {}): Promise<{ status: number; body: any; text: string }> {
  const auth = o.auth === undefined ? ADMIN : o.auth;
  const headers: Record<string, string> = {};
  if (auth !== null) headers.authorization = auth;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(site.url + path, { method, headers, ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}), signal: AbortSignal.timeout(10_000) });
  const text = await r.text();
  return { status: r.status, text, body: text ? JSON.parse(text) : undefined };
}

const runOnSelected = (body: unknown, auth?: string) => call('POST', `${V}/Device/AdminService.RunCMPivot`, { body, ...(auth ? { auth } : {}) });
const resultOf = (opId: number, q = '') => call('GET', `${V}/Device/AdminService.CMPivotResult(OperationId=${opId})${q}`);
const fieldsOf = (r: { body: any }): string[] => (r.body.error.details ?? []).map((d: any) => d.target);

/** Polls the merged result until the operation is complete. */
async function completed(opId: number): Promise<any> {
  for (const until = Date.now() + 10_000; ; await new Promise((res) => setTimeout(res, 50))) {
    const r = await resultOf(opId);
    if (r.status === 200 && r.body.value[0].Complete) return r;
    if (Date.now() > until) throw new Error(`operation ${opId} not complete: ${r.text}`);
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'openpivot-selected-'));
  site = await startSite({ dataDir, port: 0, host: '127.0.0.1', nodeId: 'selected-test', adminPassword: PASSWORD, log: silentLog });
  const token = await createEnrollToken(site.store, { expiresMs: 60_000, uses: 3 });
  for (const name of ['sel-a', 'sel-b', 'sel-c']) {
    const agent = await RawAgent.open(site.url);
    agents[name] = { agent, id: await agent.enroll(token, newAgentKey(), name) };
  }
  // A Helpdesk Operator on a collection holding sel-a only.
  const coll = await call('POST', `${V}/Collections`, { body: { Name: 'Only A', Members: [agents['sel-a']!.id] } });
  expect(coll.status, coll.text).toBe(201);
  expect((await call('POST', `${V}/Users`, { body: { Name: 'helpdesk', Password: 'helpdesk-password' } })).status).toBe(201);
  const assigned = await call('POST', `${V}/Users('helpdesk')/RoleAssignments`, { body: { Role: 'Helpdesk Operator', Collections: [coll.body.CollectionId] } });
  expect(assigned.status, assigned.text).toBe(201);
  helpdesk = basic('helpdesk', 'helpdesk-password');
});

afterAll(async () => {
  for (const { agent } of Object.values(agents)) agent.ws.close();
  await site?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('CMPivot on selected devices', () => {
  it('runs one operation on the selected devices and merges their rows, each with its Device', async () => {
    const a = agents['sel-a']!;
    const b = agents['sel-b']!;
    // Any order, duplicates once.
    const run = await runOnSelected({ InputQuery: QUERY, ResourceIds: [b.id, a.id, b.id] });
    expect(run.status, run.text).toBe(200);
    const opId = run.body.OperationId as number;
    expect(run.body).toEqual({ OperationId: opId, value: { OperationId: opId, Status: 'Running' } });

    // Nothing to show until a device has answered.
    const early = await resultOf(opId);
    expect(early.status).toBe(404);
    expect(early.body.error.code).toBe('NotReady');
    // The Events stream follows it as any other operation: its headers come with the snapshot.
    const events = await fetch(`${site.url}${V}/CMPivotOperations(${opId})/Events`, { headers: { authorization: ADMIN }, signal: AbortSignal.timeout(10_000) });
    expect(events.status).toBe(200);

    await a.agent.answer(opId, [['sel-a', 'Debian GNU/Linux 12']]);
    await b.agent.answer(opId, [['sel-b', 'Ubuntu 24.04']]);
    const r = await completed(opId);
    expect(r.body.value).toEqual([{
      OperationId: opId, Status: 'completed', Complete: true, Devices: 2, Answered: 2, Counts: { completed: 2 }, Truncated: false,
      Columns: [{ Name: 'Device', Type: 'string' }, { Name: 'Caption', Type: 'string' }],
      Result: expect.arrayContaining([{ Device: 'sel-a', Caption: 'Debian GNU/Linux 12' }, { Device: 'sel-b', Caption: 'Ubuntu 24.04' }]),
    }]);
    expect(r.body.value[0].Result).toHaveLength(2);
    expect(r.body['@odata.count']).toBe(2);

    // Paged like the others.
    const first = await resultOf(opId, '?$top=1');
    expect(first.body.value[0].Result).toHaveLength(1);
    expect(first.body['@odata.nextLink']).toBe(`${V}/Device/AdminService.CMPivotResult(OperationId=${opId})?$skip=1&$top=1`);
    const second = await call('GET', first.body['@odata.nextLink']);
    expect([...first.body.value[0].Result, ...second.body.value[0].Result]).toEqual(r.body.value[0].Result);
    expect((await resultOf(opId, '?$top=x')).status).toBe(400);
    // One device's answer, as for any operation that targeted it.
    const one = await call('GET', `${V}/Device(${b.id})/AdminService.CMPivotResult(OperationId=${opId})`);
    expect(one.body.value.Result).toEqual([{ Device: 'sel-b', Caption: 'Ubuntu 24.04' }]);

    // The summary names the devices, sorted; the status view and the stream work unchanged.
    const summary = await call('GET', `${V}/CMPivotOperations(${opId})`);
    expect(summary.body).toMatchObject({ OperationId: opId, Target: { Devices: [a.id, b.id].sort((x, y) => x - y) }, Status: 'completed', Devices: 2 });
    expect((await call('GET', `${V}/CMPivotOperations`)).body.value.find((o: any) => o.OperationId === opId).Target).toEqual(summary.body.Target);
    const status = await call('GET', `${V}/SMS_CMPivotStatus?$filter=ClientOperationId eq ${opId}`);
    expect(status.body.value.map((t: any) => [t.ResourceId, t.DeviceName, t.Status]).sort()).toEqual([[a.id, 'sel-a', 'completed'], [b.id, 'sel-b', 'completed']].sort());
    const stream = parseEvents(await events.text());
    expect(stream.map((e) => e.event)).toContain('rows');
    expect(stream[0]).toMatchObject({ event: 'snapshot', data: { Target: { Devices: summary.body.Target.Devices }, Targets: expect.any(Array) } });
    expect(stream[0]!.data.Targets).toHaveLength(2);
    const result = stream.at(-1)!;
    expect(result.event).toBe('result');
    expect(result.data).toMatchObject({ Status: 'completed', Rows: 2, Target: summary.body.Target });
    expect(result.data.Result).toEqual(expect.arrayContaining(r.body.value[0].Result));

    // Audited as the others, naming the devices.
    const ids = [a.id, b.id].sort((x, y) => x - y).join(',');
    const audit = (await site.store.listAudit({ limit: 1000, offset: 0 })).filter((x) => x.operationId === opId);
    expect(audit.map((x) => [x.kind, x.target, x.outcome, x.userName])).toEqual([
      ['run', `Devices(${ids})`, 'started', 'admin'],
      ['run-end', `Devices(${ids})`, 'completed', 'admin'],
    ]);
    expect(audit[0]!.query).toBe(QUERY);
    expect(audit[0]!.details).toMatchObject({ targets: 2, online: 2 });
  });

  it('refuses the whole selection with 403 when the user may not query one of the devices', async () => {
    const a = agents['sel-a']!;
    const c = agents['sel-c']!;
    const refused = await runOnSelected({ InputQuery: QUERY, ResourceIds: [a.id, c.id] }, helpdesk);
    expect(refused.status, refused.text).toBe(403);
    expect(refused.body.error.code).toBe('Forbidden');
    expect(refused.body.error.message).toBe(MESSAGES.notAuthorized);
    const records = await site.store.listAudit({ limit: 1000, offset: 0 });
    expect(records.at(-1)).toMatchObject({ kind: 'refused', userName: 'helpdesk', target: `Devices(${[a.id, c.id].sort((x, y) => x - y).join(',')})`, outcome: 'forbidden', details: { deviceId: c.id } });
    // No operation was made: the user has none.
    expect((await call('GET', `${V}/CMPivotOperations`, { auth: helpdesk })).body.value).toEqual([]);

    // The device the user may query, alone, runs.
    const allowed = await runOnSelected({ InputQuery: QUERY, ResourceIds: [a.id] }, helpdesk);
    expect(allowed.status, allowed.text).toBe(200);
    await a.agent.answer(allowed.body.OperationId, [['sel-a', 'Debian GNU/Linux 12']]);
    const mine = await call('GET', `${V}/Device/AdminService.CMPivotResult(OperationId=${allowed.body.OperationId})`, { auth: helpdesk });
    expect(mine.status, mine.text).toBe(200);
  });

  it('answers 404 naming an unknown device, and audits it', async () => {
    const r = await runOnSelected({ InputQuery: QUERY, ResourceIds: [agents['sel-a']!.id, 999_999] });
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'NotFound', message: MESSAGES.deviceNotFound('999999') });
    expect((await site.store.listAudit({ limit: 1000, offset: 0 })).at(-1)).toMatchObject({ kind: 'run', outcome: 'not-found', details: { deviceId: 999_999 } });
  });

  it('answers a bad body with 400 naming the field', async () => {
    const id = agents['sel-a']!.id;
    const cases: [unknown, string][] = [
      [{ InputQuery: QUERY, ResourceIds: [] }, 'ResourceIds'],
      [{ InputQuery: QUERY }, 'ResourceIds'],
      [{ InputQuery: QUERY, ResourceIds: 'all' }, 'ResourceIds'],
      [{ InputQuery: QUERY, ResourceIds: [id, 0] }, 'ResourceIds.1'],
      [{ InputQuery: QUERY, ResourceIds: [-5] }, 'ResourceIds.0'],
      [{ InputQuery: QUERY, ResourceIds: [1.5] }, 'ResourceIds.0'],
      [{ InputQuery: QUERY, ResourceIds: Array.from({ length: MAX_SELECTED_DEVICES + 1 }, (_, i) => i + 1) }, 'ResourceIds'],
      [{ ResourceIds: [id] }, 'InputQuery'],
      [{ InputQuery: QUERY, ResourceIds: [id], TimeoutSeconds: 0 }, 'TimeoutSeconds'],
    ];
    for (const [body, field] of cases) {
      const r = await runOnSelected(body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.body.error.code).toBe('BadRequest');
      expect(fieldsOf(r), JSON.stringify(body).slice(0, 80)).toContain(field);
    }
    const invalid = await runOnSelected({ InputQuery: 'OS | where', ResourceIds: [id] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('InvalidQuery');
  });

  it("gives the merged result only for an operation on selected devices: another kind's id is 404", async () => {
    const a = agents['sel-a']!;
    const onCollection = await call('POST', `${V}/Collections('SMS00001')/AdminService.RunCMPivot`, { body: { InputQuery: QUERY, TimeoutSeconds: 1 } });
    expect(onCollection.status, onCollection.text).toBe(200);
    const onDevice = await call('POST', `${V}/Device(${a.id})/AdminService.RunCMPivot`, { body: { InputQuery: QUERY, TimeoutSeconds: 1 } });
    for (const opId of [onCollection.body.OperationId, onDevice.body.value.OperationId, 987_654]) {
      const r = await resultOf(opId);
      expect(r.status).toBe(404);
      expect(r.body.error).toEqual({ code: 'NotFound', message: MESSAGES.operationNotFound(String(opId)) });
    }
    // And the collection's result route does not give a selection's answer.
    const selected = await runOnSelected({ InputQuery: QUERY, ResourceIds: [a.id], TimeoutSeconds: 1 });
    expect((await call('GET', `${V}/Collections('SMS00001')/AdminService.CMPivotResult(OperationId=${selected.body.OperationId})`)).status).toBe(404);
    // Another user's operation is not theirs to read.
    expect((await call('GET', `${V}/Device/AdminService.CMPivotResult(OperationId=${selected.body.OperationId})`, { auth: helpdesk })).status).toBe(404);
  });
});

/** A finished Server-Sent Events body as its events, data parsed. */
function parseEvents(text: string): { event: string; data: any }[] {
  return text.split('\n\n').filter((block) => block.startsWith('event:')).map((block) => {
    const [eventLine, dataLine] = block.split('\n');
    return { event: eventLine!.slice('event: '.length), data: JSON.parse(dataLine!.slice('data: '.length)) };
  });
}
