import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { MESSAGES, type DeviceFacts, type SiteMessage, type RelayQuery } from '@openpivot/protocol';
import { startSite, type RunningSite } from '../site.js';
import { openStore } from '../store/index.js';
import { addUser, createEnrollToken } from '../admin-commands.js';
import { attachToCloud, CloudAttachError } from './attach.js';
import { TestCloudPeer } from './test-cloud-peer.js';

/**
 * The site's side of tenant attach against a cloud peer spoken by hand over real HTTP and WebSocket:
 * attaching, the connector's handshake, device sync, relayed queries through the site's RBAC (with a
 * hand-spoken agent answering), cancel, bad frames and reconnects.
 */
const facts = (name: string): DeviceFacts => ({ name, platform: 'linux', os: 'Debian GNU/Linux', osVersion: '12', agentVersion: '0.1.0', ip: '127.0.0.1' });

/** One agent connection spoken by hand. */
class RawAgent {
  private readonly inbox: SiteMessage[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => this.inbox.push(JSON.parse(d.toString()) as SiteMessage));
    ws.on('error', () => undefined);
  }

  static async enroll(siteUrl: string, token: string, name: string): Promise<{ agent: RawAgent; deviceId: number }> {
    const a = new RawAgent(new WebSocket(`${siteUrl.replace('http', 'ws')}/agent`, { perMessageDeflate: false }));
    const c = await a.next('challenge');
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const signature = sign(null, Buffer.from(c.nonce, 'base64'), privateKey).toString('base64');
    a.send({ t: 'enroll', token, publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), signature, facts: facts(name) });
    return { agent: a, deviceId: (await a.next('welcome')).deviceId };
  }

  async next<T extends SiteMessage['t']>(t: T, when: (m: Extract<SiteMessage, { t: T }>) => boolean = () => true, timeoutMs = 5_000): Promise<Extract<SiteMessage, { t: T }>> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const i = this.inbox.findIndex((m) => m.t === t && when(m as Extract<SiteMessage, { t: T }>));
      if (i >= 0) return this.inbox.splice(i, 1)[0] as Extract<SiteMessage, { t: T }>;
      if (Date.now() > until) throw new Error(`no '${t}' within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  send(value: unknown): void {
    this.ws.send(JSON.stringify(value));
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let peer: TestCloudPeer;
let site: RunningSite;
let dataDir: string;
const logs: { event: string; fields: Record<string, unknown> }[] = [];
let reqIds = 0;
const query = (o: Partial<RelayQuery> & { deviceId: number; upn: string }): RelayQuery => ({
  t: 'query', reqId: ++reqIds, remoteAddr: '203.0.113.7', text: 'OS | project Caption', timeoutMs: 60_000, sentAt: Date.now(), ...o,
});

beforeAll(async () => {
  peer = await TestCloudPeer.start();
  dataDir = mkdtempSync(join(tmpdir(), 'openpivot-connector-'));
  const store = await openStore({ dataDir });
  try {
    peer.codes.add('code-1');
    const attached = await attachToCloud(store, { cloudUrl: `${peer.url}/`, code: 'code-1', name: 'site-under-test' });
    expect(attached).toEqual({ connectorId: 'conn-1', tenantId: 'tenant-1', tenantName: 'Contoso' });
  } finally {
    await store.close();
  }
  site = await startSite({
    dataDir, port: 0, host: '127.0.0.1', nodeId: 'connector-test', adminPassword: 'connector-test-password',
    cloudBackoff: { baseMs: 20, capMs: 200 }, log: (event, fields = {}) => void logs.push({ event, fields: { ...fields } }),
  });
  await addUser(site.store, { name: 'helpdesk', role: 'Helpdesk Operator', collections: [], upn: 'HD@contoso.com' });
  await addUser(site.store, { name: 'viewer', role: 'Read-only Analyst', collections: [], upn: 'viewer@contoso.com' });
}, 30_000);

afterAll(async () => {
  await site?.close();
  await peer?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('attaching', () => {
  it('sent the public key, the site id and the name, and spent the code', async () => {
    const a = peer.attached.get('conn-1')!;
    expect(a.request).toMatchObject({ code: 'code-1', siteId: site.siteId, siteCode: 'OPS', name: 'site-under-test' });
    expect(await site.store.getSetting('cloud.url')).toBe(peer.url);
    expect(await site.store.getSetting('cloud.connectorId')).toBe('conn-1');
    expect(await site.store.getSetting('cloud.tenantId')).toBe('tenant-1');
    // The code is spent: a second attach with it carries the cloud's own message.
    await expect(attachToCloud(site.store, { cloudUrl: peer.url, code: 'code-1' })).rejects.toThrow(/403.*attach code is not valid/);
    expect(await site.store.getSetting('cloud.connectorId')).toBe('conn-1');
  });

  it('fails with a clear error on a bad or unreachable URL, and stores nothing', async () => {
    const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'openpivot-attach-')) });
    try {
      await expect(attachToCloud(store, { cloudUrl: 'not a url', code: 'x' })).rejects.toThrow(/not a valid URL/);
      await expect(attachToCloud(store, { cloudUrl: 'ftp://cloud.example', code: 'x' })).rejects.toThrow(/http:\/\/ or https:\/\//);
      const unreachable = attachToCloud(store, { cloudUrl: 'http://127.0.0.1:1', code: 'x', timeoutMs: 3_000 });
      await expect(unreachable).rejects.toBeInstanceOf(CloudAttachError);
      await expect(unreachable).rejects.toThrow(/cannot reach the cloud at http:\/\/127\.0\.0\.1:1/);
      await expect(attachToCloud(store, { cloudUrl: `${peer.url}/elsewhere`, code: 'x' })).rejects.toThrow(/404.*no such route/);
      expect(await store.getSetting('cloud.url')).toBeNull();
      expect(await store.getSetting('cloud.privateKey')).toBeNull();
    } finally {
      await store.close();
    }
  });
});

describe('the connector', () => {
  let agent: RawAgent;
  let deviceId: number;

  it('proves its key, and uploads the full device list after the welcome', async () => {
    const auth = await peer.next('auth');
    expect(auth).toMatchObject({ connectorId: 'conn-1', siteCode: 'OPS' });
    const full = await peer.next('devices', (m) => m.reset);
    expect(full).toMatchObject({ reset: true, complete: true, devices: [], removed: [] });
    await until('connected', () => site.cloudConnected());
    // Nothing secret in the log.
    const key = (await site.store.getSetting('cloud.privateKey'))!;
    expect(JSON.stringify(logs)).not.toContain(key);
    expect(JSON.stringify(logs)).not.toContain(auth.signature);
  });

  it('sends a new device within 5 s', async () => {
    const enrolled = await RawAgent.enroll(site.url, await createEnrollToken(site.store, { expiresMs: 60_000 }), 'dev-01');
    agent = enrolled.agent;
    deviceId = enrolled.deviceId;
    const added = await peer.next('devices', (m) => m.devices.some((d) => d.deviceId === deviceId && d.online));
    expect(added.reset).toBe(false);
    expect(added.devices.find((d) => d.deviceId === deviceId)).toMatchObject({
      name: 'dev-01', platform: 'linux', os: 'Debian GNU/Linux', online: true, domain: null,
      collections: [{ id: 'SMS00001', name: 'All Systems' }],
    });
  });

  it('refuses a cloud user who maps to no site user, and audits it with the UPN', async () => {
    const q = query({ deviceId, upn: 'stranger@contoso.com' });
    peer.send(peer.latest, q);
    expect(await peer.next('refused', (m) => m.reqId === q.reqId)).toMatchObject({ code: 'NotMapped', message: MESSAGES.cloudUserNotMapped });
    await until('audited', async () => (await site.store.listAudit({ limit: 1000, offset: 0 })).some((a) => a.outcome === 'not-mapped'));
    const rec = (await site.store.listAudit({ limit: 1000, offset: 0 })).find((a) => a.outcome === 'not-mapped')!;
    expect(rec).toMatchObject({ source: 'cloud', userName: null, remoteAddr: '203.0.113.7', details: { cloudUpn: 'stranger@contoso.com' } });
  });

  it("applies the site's RBAC to the mapped user: forbidden, not found, invalid", async () => {
    const viewer = query({ deviceId, upn: 'VIEWER@contoso.com' });
    peer.send(peer.latest, viewer);
    expect(await peer.next('refused', (m) => m.reqId === viewer.reqId)).toMatchObject({ code: 'Forbidden', message: MESSAGES.notAuthorized });
    const missing = query({ deviceId: 999, upn: 'hd@contoso.com' });
    peer.send(peer.latest, missing);
    expect(await peer.next('refused', (m) => m.reqId === missing.reqId)).toMatchObject({ code: 'NotFound', message: MESSAGES.deviceNotFound('999') });
    const bad = query({ deviceId, upn: 'hd@contoso.com', text: 'OS | wher x' });
    peer.send(peer.latest, bad);
    const refused = await peer.next('refused', (m) => m.reqId === bad.reqId);
    expect(refused.code).toBe('InvalidQuery');
    expect(refused.details!.length).toBeGreaterThan(0);
  });

  it('runs a mapped user\'s query on the device and streams rows, then done with timing', async () => {
    const q = query({ deviceId, upn: 'hd@contoso.com' });
    peer.send(peer.latest, q);
    const accepted = await peer.next('accepted', (m) => m.reqId === q.reqId);
    const opId = accepted.operationId;
    await agent.next('query', (m) => m.opId === opId);
    agent.send({ t: 'chunk', opId, seq: 0, part: 0, rows: [['Debian GNU/Linux 12']] });
    await agent.next('ack', (m) => m.opId === opId && m.seq === 0);
    agent.send({ t: 'done', opId, seq: 1, rows: 1, truncated: false, warnings: [] });
    const rows = await peer.next('rows', (m) => m.reqId === q.reqId);
    expect(rows).toMatchObject({ seq: 0, columns: [{ name: 'Caption', type: 'string' }], rows: [['Debian GNU/Linux 12']] });
    const done = await peer.next('done', (m) => m.reqId === q.reqId);
    expect(done).toMatchObject({ seq: 1, status: 'completed', truncated: false, warnings: [], error: null });
    const t = done.timing;
    expect(t.receivedAt).toBeGreaterThanOrEqual(accepted.receivedAt);
    expect(t.dispatchedAt).toBeGreaterThanOrEqual(t.receivedAt);
    expect(t.answeredAt).toBeGreaterThanOrEqual(t.dispatchedAt);
    expect(t.sentAt).toBeGreaterThanOrEqual(t.answeredAt);

    const op = await site.store.getOperation(opId);
    expect(op).toMatchObject({ source: 'cloud', userName: 'helpdesk' });
    const started = (await site.store.listAudit({ limit: 1000, offset: 0 })).find((a) => a.operationId === opId && a.outcome === 'started')!;
    expect(started).toMatchObject({ kind: 'run', source: 'cloud', userName: 'helpdesk', remoteAddr: '203.0.113.7', details: { cloudUpn: 'hd@contoso.com' } });
  });

  it('cancels a running request when the cloud says so', async () => {
    const q = query({ deviceId, upn: 'hd@contoso.com' });
    peer.send(peer.latest, q);
    const { operationId } = await peer.next('accepted', (m) => m.reqId === q.reqId);
    await agent.next('query', (m) => m.opId === operationId);
    peer.send(peer.latest, { t: 'cancel', reqId: q.reqId });
    await agent.next('cancel', (m) => m.opId === operationId);
    expect(await peer.next('done', (m) => m.reqId === q.reqId)).toMatchObject({ status: 'cancelled' });
    expect((await site.store.getOperation(operationId))?.status).toBe('cancelled');
  });

  it('closes on a bad frame, reconnects with a fresh full upload, and keeps serving', async () => {
    const before = peer.latest;
    peer.send(before, '{"t":"query","reqId":"one"}');
    await until('closed with 4400', () => peer.closes.some((c) => c.conn === before && c.code === 4400));
    await until('reconnected', () => peer.latest > before && site.cloudConnected());
    const full = await peer.next('devices', (m, conn) => m.reset && conn === peer.latest);
    expect(full.devices.map((d) => d.deviceId)).toEqual([deviceId]);
    expect(logs.some((l) => l.event === 'cloud.bad-message')).toBe(true);
  });

  it('reconnects by itself after the cloud drops every connection', async () => {
    const before = peer.latest;
    peer.dropAll();
    await until('reconnected', () => peer.latest > before && site.cloudConnected());
    await peer.next('devices', (m, conn) => m.reset && m.complete && conn === peer.latest);
    await peer.next('heartbeat', (_m, conn) => conn === peer.latest, 2_000);
  });

  it('keeps dialling while the cloud is down, and reconnects once it is back', async () => {
    const port = Number(new URL(peer.url).port);
    const old = peer;
    await old.close();
    await until('noticed', () => !site.cloudConnected());
    const failedBefore = logs.filter((l) => l.event === 'cloud.disconnected').length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Refused dials, retried (20 ms up to 200 ms apart): several in half a second.
    expect(logs.filter((l) => l.event === 'cloud.disconnected').length - failedBefore).toBeGreaterThan(1);
    peer = await TestCloudPeer.start(port, old);
    await until('reconnected', () => site.cloudConnected());
    await peer.next('devices', (m) => m.reset && m.complete);
  });

  it('says so within 5 s when the device goes offline, and answers its requests as offline at once', async () => {
    agent.ws.close();
    const off = await peer.next('devices', (m) => m.devices.some((d) => d.deviceId === deviceId && !d.online));
    expect(off.reset).toBe(false);
    const q = query({ deviceId, upn: 'hd@contoso.com' });
    peer.send(peer.latest, q);
    await peer.next('accepted', (m) => m.reqId === q.reqId);
    expect(await peer.next('done', (m) => m.reqId === q.reqId)).toMatchObject({ status: 'offline', seq: 0 });
  });

  it('stops when the site closes, and does not dial again', async () => {
    const conn = peer.latest;
    await site.close();
    await until('closed', () => peer.closes.some((c) => c.conn === conn));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(peer.latest).toBe(conn);
    expect(site.cloudConnected()).toBe(false);
    // Every message the site sent on the way fitted the protocol's schemas.
    expect(peer.invalid).toEqual([]);
  });
});
