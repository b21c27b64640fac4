/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies of many shapes; the tests assert on their fields. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { LIMITS } from '@openpivot/protocol';
import { startSite, type RunningSite } from '../site.js';
import { createEnrollToken } from '../admin-commands.js';
import { RawAgent, newAgentKey, agentFacts } from './raw-agent.js';

/**
 * The agent endpoint against hostile traffic, over a real WebSocket to a real site (SQLite in a temp
 * directory): each bad frame closes that connection with the protocol's code and a reason; the site,
 * its REST API and the other agents carry on.
 */
const PASSWORD = 'endpoint-test-password';
let site: RunningSite;
let dataDir: string;
const logs: { event: string; fields: Record<string, unknown> }[] = [];

async function rest(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(site.url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: r.status, body: await r.json().catch(() => null) };
}

async function runOn(deviceId: number, query: string): Promise<number> {
  const r = await rest('POST', `/AdminService/v1.0/Device(${deviceId})/AdminService.RunCMPivot`, { InputQuery: query });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.value.OperationId as number;
}

// Devices enrolled in beforeAll: `target` takes the hostile frames, `bystander` stays connected throughout.
const targetKey = newAgentKey();
const bystanderKey = newAgentKey();
let targetId: number;
let bystanderId: number;
let bystander: RawAgent;

/** A fresh, authenticated connection of the target device. */
async function target(): Promise<RawAgent> {
  const a = await RawAgent.open(site.url);
  await a.auth(targetId, targetKey, 'target-01');
  return a;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'openpivot-endpoint-'));
  site = await startSite({
    dataDir, port: 0, host: '127.0.0.1', nodeId: 'endpoint-test', adminPassword: PASSWORD, disconnectGraceMs: 300,
    log: (event, fields = {}) => void logs.push({ event, fields: { ...fields } }),
  });
  const token = await createEnrollToken(site.store, { expiresMs: 60_000, uses: 2 });
  const t = await RawAgent.open(site.url);
  targetId = await t.enroll(token, targetKey, 'target-01');
  t.ws.close();
  bystander = await RawAgent.open(site.url);
  bystanderId = await bystander.enroll(token, bystanderKey, 'bystander-01');
});

afterAll(async () => {
  bystander?.ws.close();
  await site?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('hostile agent traffic', () => {
  it('a frame that is not JSON closes that connection with 4400 and says why', async () => {
    const a = await target();
    a.send('{"t":"heartbeat"');
    const c = await a.closed();
    expect(c.code).toBe(4400);
    expect(c.reason).toMatch(/not JSON/);
  });

  it('a chunk whose rows are not arrays closes with 4400 naming the field', async () => {
    const a = await target();
    a.send({ t: 'chunk', opId: 1, seq: 0, part: 0, rows: ['not', 'arrays'] });
    const c = await a.closed();
    expect(c.code).toBe(4400);
    expect(c.reason).toMatch(/rows\.0/);
  });

  it('a binary frame closes with 4400', async () => {
    const a = await target();
    a.send(Buffer.from(JSON.stringify({ t: 'heartbeat' })));
    const c = await a.closed();
    expect(c.code).toBe(4400);
    expect(c.reason).toMatch(/Binary/);
  });

  it('anything but enroll or auth before authentication closes with 4401', async () => {
    const hb = await RawAgent.open(site.url);
    hb.send({ t: 'heartbeat' });
    expect((await hb.closed()).code).toBe(4401);
    const chunk = await RawAgent.open(site.url);
    chunk.send({ t: 'chunk', opId: 1, seq: 0, part: 0, rows: [['x']] });
    const c = await chunk.closed();
    expect(c.code).toBe(4401);
    expect(c.reason).toMatch(/Authenticate first/);
  });

  it('auth with a wrong signature closes with 4401 and leaves an auth-failure audit record', async () => {
    const a = await RawAgent.open(site.url);
    a.send({ t: 'auth', deviceId: targetId, signature: a.signature(newAgentKey()), facts: agentFacts('impostor-01') });
    const c = await a.closed();
    expect(c.code).toBe(4401);
    expect(c.reason).toMatch(/signature/);
    await expect.poll(async () => (await site.store.listAudit({ limit: 1000, offset: 0 })).find((r) => r.kind === 'auth-failure' && r.userName === 'impostor-01')?.target, { timeout: 3_000 }).toBe('agent');
  });

  it('an unknown enrollment token closes with 4401', async () => {
    const a = await RawAgent.open(site.url);
    const key = newAgentKey();
    a.send({ t: 'enroll', token: 'openpivot-enroll-made-up', publicKey: key.publicKey, signature: a.signature(key), facts: agentFacts('stranger-01') });
    const c = await a.closed();
    expect(c.code).toBe(4401);
    expect(c.reason).toMatch(/token/);
  });

  it('a one-time token enrolls one device: a second enrollment with another key is refused with 4401', async () => {
    const token = await createEnrollToken(site.store, { expiresMs: 60_000, uses: 1 });
    const first = await RawAgent.open(site.url);
    expect(await first.enroll(token, newAgentKey(), 'twice-01')).toBeGreaterThan(0);
    const second = await RawAgent.open(site.url);
    const key = newAgentKey();
    second.send({ t: 'enroll', token, publicKey: key.publicKey, signature: second.signature(key), facts: agentFacts('twice-01') });
    const c = await second.closed();
    expect(c.code).toBe(4401);
    expect(c.reason).toMatch(/used up/);
    expect(first.ws.readyState).toBe(WebSocket.OPEN);
    first.ws.close();
    expect((await site.store.listDevices()).filter((d) => d.name === 'twice-01')).toHaveLength(1);
  });

  it(`a frame larger than ${LIMITS.maxMessageBytes} bytes closes with 1009`, async () => {
    const a = await target();
    a.send(JSON.stringify({ t: 'chunk', opId: 1, seq: 0, part: 0, rows: [['x'.repeat(LIMITS.maxMessageBytes)]] }));
    expect((await a.closed()).code).toBe(1009);
  });

  it('a chunk for an operation the device was never sent closes with 4400', async () => {
    const a = await target();
    a.send({ t: 'chunk', opId: 999_999, seq: 0, part: 0, rows: [['x']] });
    expect((await a.closed()).code).toBe(4400);
    // An operation that exists, sent to another device.
    const opId = await runOn(bystanderId, 'OS | project Caption');
    const b = await target();
    b.send({ t: 'chunk', opId, seq: 0, part: 0, rows: [['Debian']] });
    const c = await b.closed();
    expect(c.code).toBe(4400);
    expect(c.reason).toMatch(/not sent to this device/);
    expect(await site.store.deviceChunks(opId, targetId)).toEqual([]);
  });

  it('chunk rows that do not fit the part schema close with 4400 and nothing is stored', async () => {
    const wide = await target();
    const wideOp = await runOn(targetId, 'OS | project Caption');
    await wide.next('query', (q) => q.opId === wideOp);
    wide.send({ t: 'chunk', opId: wideOp, seq: 0, part: 0, rows: [['Debian', 'extra']] });
    const c1 = await wide.closed();
    expect(c1.code).toBe(4400);
    expect(c1.reason).toMatch(/2 values/);

    const typed = await target();
    const typedOp = await runOn(targetId, 'OS | project FreePhysicalMemory');
    await typed.next('query', (q) => q.opId === typedOp);
    typed.send({ t: 'chunk', opId: typedOp, seq: 0, part: 0, rows: [['lots']] });
    const c2 = await typed.closed();
    expect(c2.code).toBe(4400);
    expect(c2.reason).toMatch(/FreePhysicalMemory/);
    expect(await site.store.deviceChunks(wideOp, targetId)).toEqual([]);
    expect(await site.store.deviceChunks(typedOp, targetId)).toEqual([]);
  });

  it('after all of that the site serves REST, the bystander stayed connected, and a well-behaved agent answers', async () => {
    expect((await rest('GET', '/AdminService/v1.0/Device')).status).toBe(200);
    expect(bystander.ws.readyState).toBe(WebSocket.OPEN);
    for (const [agent, deviceId, caption] of [[await target(), targetId, 'Debian'], [bystander, bystanderId, 'Ubuntu']] as const) {
      const opId = await runOn(deviceId, 'OS | project Caption');
      await agent.next('query', (q) => q.opId === opId);
      agent.send({ t: 'chunk', opId, seq: 0, part: 0, rows: [[caption]] });
      await agent.next('ack', (m) => m.opId === opId && m.seq === 0);
      agent.send({ t: 'done', opId, seq: 1, rows: 1, truncated: false, warnings: [] });
      await agent.next('ack', (m) => m.opId === opId && m.seq === 1);
      const r = await rest('GET', `/AdminService/v1.0/Device(${deviceId})/AdminService.CMPivotResult(OperationId=${opId})`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.value.Status).toBe('completed');
      expect(r.body.value.Result).toEqual([{ Caption: caption, Device: deviceId === targetId ? 'target-01' : 'bystander-01' }]);
    }
    expect(logs.some((l) => l.event === 'agent.error')).toBe(false);
  });
});

/** Polls the operation's summary until it has ended; returns it. */
async function ended(opId: number, timeoutMs = 10_000): Promise<any> {
  for (const until = Date.now() + timeoutMs; ; await new Promise((res) => setTimeout(res, 100))) {
    const r = await rest('GET', `/AdminService/v1.0/CMPivotOperations(${opId})`);
    if (r.body?.Status !== 'running') return r.body;
    if (Date.now() > until) throw new Error(`operation ${opId} still running after ${timeoutMs} ms`);
  }
}

describe('an agent that has the query and never answers', () => {
  let silent: RawAgent;
  let silentId: number;
  beforeAll(async () => {
    silent = await RawAgent.open(site.url);
    silentId = await silent.enroll(await createEnrollToken(site.store, { expiresMs: 60_000 }), newAgentKey(), 'silent-01');
  });
  afterAll(() => silent?.ws.close());

  it('times out: the operation ends timed-out, the device timed-out, and the agent is told to stop', async () => {
    const r = await rest('POST', `/AdminService/v1.0/Device(${silentId})/AdminService.RunCMPivot`, { InputQuery: 'OS | project Caption', TimeoutSeconds: 2 });
    const opId = r.body.value.OperationId as number;
    await silent.next('query', (q) => q.opId === opId);
    const op = await ended(opId);
    await silent.next('cancel', (m) => m.opId === opId);
    const status = (await rest('GET', `/AdminService/v1.0/CMPivotOperations(${opId})/Status`)).body.value;
    expect([op.Status, status.map((t: any) => t.Status)]).toEqual(['timed-out', ['timed-out']]);
  });

  it('is cancelled: Cancel answers 200, the device is cancelled and told so; a second Cancel is 409', async () => {
    const opId = await runOn(silentId, 'OS | project Caption');
    await silent.next('query', (q) => q.opId === opId);
    const first = await rest('POST', `/AdminService/v1.0/CMPivotOperations(${opId})/Cancel`, {});
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    await silent.next('cancel', (m) => m.opId === opId);
    const status = (await rest('GET', `/AdminService/v1.0/CMPivotOperations(${opId})/Status`)).body.value;
    expect([(await ended(opId)).Status, status.map((t: any) => t.Status)]).toEqual(['cancelled', ['cancelled']]);
    expect((await rest('POST', `/AdminService/v1.0/CMPivotOperations(${opId})/Cancel`, {})).status).toBe(409);
  });
});
