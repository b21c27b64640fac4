import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Provider, ProviderRow } from '../providers/provider.js';
import { connectAgent, type ConnectAgentOptions } from './connect-agent.js';
import { EnrollmentRefused, type AgentHandle } from './connection.js';
import { createLogger } from './logger.js';
import { TestSitePeer, waitUntil, type PeerOptions } from './test-site-peer.js';

const FAST = { backoff: { baseMs: 10, capMs: 40 } };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function peer(o: PeerOptions = {}): Promise<TestSitePeer> {
  const p = await TestSitePeer.start(o);
  cleanups.push(() => p.close());
  return p;
}

function memoryLog(): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, log: createLogger({ sink: { write: (l: string) => lines.push(l) }, level: 'debug' }) };
}

async function agent(o: Partial<ConnectAgentOptions> & { siteUrl: string }): Promise<AgentHandle> {
  const h = await connectAgent({ dataDir: mkdtempSync(join(tmpdir(), 'openpivot-agent-')), log: memoryLog().log, device: 'TEST-1', ...FAST, ...o });
  cleanups.push(() => h.close());
  return h;
}

/** A Process provider that counts how often it ran and yields `count` rows. */
function countingProvider(count: number): Provider & { runs: number } {
  const p = {
    entity: 'Process', platform: 'linux' as const, runs: 0,
    async *collect(): AsyncIterable<ProviderRow> {
      p.runs++;
      for (let i = 0; i < count; i++) yield { ProcessId: i + 1, Name: `proc-${i}` };
    },
  };
  return p;
}

describe('enrollment and authentication', () => {
  it('enrolls with a token, saves the device id, then authenticates with the saved key', async () => {
    const site = await peer({ tokens: { T1: 1 } });
    const dataDir = mkdtempSync(join(tmpdir(), 'openpivot-agent-'));
    const first = await agent({ siteUrl: site.url, token: 'T1', dataDir });
    expect(await first.welcomed).toBe(1);
    await waitUntil(() => readFileSync(join(dataDir, 'agent-identity.json'), 'utf8').includes('"deviceId": 1'), 2_000, () => 'the saved device id');
    const file = JSON.parse(await readFile(join(dataDir, 'agent-identity.json'), 'utf8')) as Record<string, unknown>;
    expect(statSync(join(dataDir, 'agent-identity.json')).mode & 0o777).toBe(0o600);
    expect(file).toMatchObject({ siteUrl: site.url, deviceId: 1 });
    expect(String(file.privateKey)).toContain('BEGIN PRIVATE KEY');
    expect(site.devices.get(1)!.publicKey).toBe(file.publicKey);
    expect(site.devices.get(1)!.facts).toMatchObject({ name: 'TEST-1', platform: 'linux', agentVersion: '0.1.0' });
    await first.close();

    // The token has no use left: only the saved identity can get this device in again.
    const second = await agent({ siteUrl: site.url, dataDir });
    expect(await second.welcomed).toBe(1);
    expect(site.handshakes.map((h) => h.kind)).toEqual(['enroll', 'auth']);
  });

  it('signs the nonce so that node:crypto.verify accepts it with the enrolled key', async () => {
    const site = await peer({ tokens: { T: 1 } });
    const h = await agent({ siteUrl: site.url, token: 'T' });
    await h.welcomed;
    const proof = site.proofs[0]!;
    const key = createPublicKey({ key: Buffer.from(site.devices.get(1)!.publicKey, 'base64'), format: 'der', type: 'spki' });
    expect(Buffer.from(proof.nonce, 'base64').length).toBe(32);
    expect(verify(null, Buffer.from(proof.nonce, 'base64'), key, Buffer.from(proof.signature, 'base64'))).toBe(true);
    // The same signature does not prove another nonce.
    const other = Buffer.from(proof.nonce, 'base64');
    other[0] = other[0]! ^ 1;
    expect(verify(null, other, key, Buffer.from(proof.signature, 'base64'))).toBe(false);
  });

  it('stops and rejects when the site refuses the token', async () => {
    const site = await peer({ tokens: {} });
    const h = await agent({ siteUrl: site.url, token: 'used-token' });
    const rejected = new Promise<EnrollmentRefused>((resolve) => h.on('rejected', resolve));
    await expect(h.welcomed).rejects.toBeInstanceOf(EnrollmentRefused);
    await expect(h.closed).rejects.toThrow(/token unknown, used or expired/);
    expect((await rejected).code).toBe(4401);
    await new Promise((r) => setTimeout(r, 100));
    expect(site.handshakes.map((x) => x.kind)).toEqual(['refused']);
  });

  it('keeps retrying with backoff when an enrolled device is refused, and logs it', async () => {
    const site = await peer({ tokens: { T: 1 } });
    const dataDir = mkdtempSync(join(tmpdir(), 'openpivot-agent-'));
    const first = await agent({ siteUrl: site.url, token: 'T', dataDir });
    await first.welcomed;
    await first.close();
    site.devices.clear(); // the site forgot the device
    const { lines, log } = memoryLog();
    await agent({ siteUrl: site.url, dataDir, log });
    await waitUntil(() => site.handshakes.filter((x) => x.kind === 'refused').length >= 3, 3_000, () => 'three refusals');
    expect(lines.some((l) => l.includes('"level":"error"') && l.includes('refused the device credentials'))).toBe(true);
  });

  it('refuses to start unenrolled without a token', async () => {
    const site = await peer();
    await expect(connectAgent({ siteUrl: site.url, dataDir: mkdtempSync(join(tmpdir(), 'openpivot-agent-')), log: memoryLog().log })).rejects.toThrow(/^token: /);
  });

  it('ignores invalid site messages and goes on', async () => {
    const site = await peer({ tokens: { T: 1 } });
    site.beforeChallenge = (ws) => {
      ws.send('not json');
      ws.send(JSON.stringify({ t: 'query', opId: -1 }));
      ws.send(JSON.stringify({ t: 'launch-missiles' }));
    };
    const { lines, log } = memoryLog();
    const h = await agent({ siteUrl: site.url, token: 'T', log });
    expect(await h.welcomed).toBe(1);
    expect(lines.filter((l) => l.includes('ignored an invalid message')).length).toBe(3);
    expect(lines.join('')).not.toContain('BEGIN PRIVATE KEY');
    expect(lines.join('')).not.toContain('"token"');
  });
});

describe('queries over the channel', () => {
  it('answers a query with chunks and done, and resends unacknowledged ones after a dropped connection', async () => {
    const site = await peer({ tokens: { T: 1 }, autoAck: false });
    const h = await agent({ siteUrl: site.url, token: 'T' });
    const id = await h.welcomed;
    const s1 = site.session(id)!;
    s1.query(7, 'OS | project Device, Version');
    const first = await s1.results(7);
    expect(first.chunks.map((c) => [c.seq, c.part])).toEqual([[0, 0]]);
    expect(first.chunks[0]!.rows).toHaveLength(1);
    expect(first.chunks[0]!.rows[0]![0]).toBe('TEST-1');
    expect(typeof first.chunks[0]!.rows[0]![1]).toBe('string');
    expect(first.done).toMatchObject({ opId: 7, seq: 1, rows: 1, truncated: false });
    expect(first.done.error).toBeUndefined();

    // Nothing was acknowledged: after the drop, the new connection gets both again, unasked.
    site.dropAll();
    await waitUntil(() => site.sessions.size === 1 && [...site.sessions][0] !== s1, 3_000, () => 'a new session');
    const s2 = site.session(id)!;
    const again = await s2.results(7);
    expect(again.chunks).toEqual(first.chunks);
    expect(again.done).toEqual(first.done);

    // Once acknowledged, they are not sent a third time.
    s2.send({ t: 'ack', opId: 7, seq: 0 });
    s2.send({ t: 'ack', opId: 7, seq: 1 });
    await new Promise((r) => setTimeout(r, 50));
    site.dropAll();
    await waitUntil(() => site.sessions.size === 1 && [...site.sessions][0] !== s2, 3_000, () => 'a third session');
    await new Promise((r) => setTimeout(r, 100));
    expect(site.session(id)!.messages).toEqual([]);
  });

  it('resends an unacknowledged operation when its query comes again, and runs an acknowledged one afresh', async () => {
    const provider = countingProvider(3);
    const site = await peer({ tokens: { T: 1 }, autoAck: false });
    const h = await agent({ siteUrl: site.url, token: 'T', providers: [provider] });
    const s = site.session(await h.welcomed)!;

    s.query(1, 'Process | project ProcessId');
    const r1 = await s.results(1);
    expect(provider.runs).toBe(1);
    s.messages.length = 0;
    s.query(1, 'Process | project ProcessId');
    const r1again = await s.results(1);
    expect(r1again).toEqual(r1);
    expect(provider.runs).toBe(1);

    for (const m of [...r1.chunks, r1.done]) s.send({ t: 'ack', opId: 1, seq: m.seq });
    await new Promise((r) => setTimeout(r, 50));
    s.messages.length = 0;
    s.query(1, 'Process | project ProcessId');
    await s.results(1);
    expect(provider.runs).toBe(2);
  });

  it('cuts 2,500 rows into three chunks numbered across the operation', async () => {
    const site = await peer({ tokens: { T: 1 } });
    const h = await agent({ siteUrl: site.url, token: 'T', providers: [countingProvider(2_500)] });
    const s = site.session(await h.welcomed)!;
    s.query(3, 'Process | project Device, ProcessId, Name', { maxBytes: 10 * 1024 * 1024 });
    const { chunks, done } = await s.results(3);
    expect(chunks.map((c) => c.rows.length)).toEqual([1000, 1000, 500]);
    expect(chunks.map((c) => c.seq)).toEqual([0, 1, 2]);
    expect(chunks.flatMap((c) => c.rows).map((r) => r[1])).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
    expect(done).toMatchObject({ seq: 3, rows: 2500, truncated: false });
  });

  it('answers a query it cannot bind with done and the first error, and no chunks', async () => {
    const site = await peer({ tokens: { T: 1 } });
    const h = await agent({ siteUrl: site.url, token: 'T', providers: [] });
    const s = site.session(await h.welcomed)!;
    s.query(4, 'Proces | take 1');
    const { chunks, done } = await s.results(4);
    expect(chunks).toEqual([]);
    expect(done).toMatchObject({ seq: 0, rows: 0, error: { code: 'KQL2002' } });
    expect(done.error!.message).toContain("Did you mean 'Process'");
  });

  it('cancels a running query: done with KQL3001', async () => {
    const slow: Provider = {
      entity: 'Process', platform: 'linux',
      async *collect(ctx): AsyncIterable<ProviderRow> {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, 10_000);
          ctx.signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
        });
        yield { ProcessId: 1 };
      },
    };
    const site = await peer({ tokens: { T: 1 } });
    const h = await agent({ siteUrl: site.url, token: 'T', providers: [slow] });
    const s = site.session(await h.welcomed)!;
    const started = Date.now();
    s.query(5, 'Process | count', { timeLimitMs: 20_000 });
    await new Promise((r) => setTimeout(r, 50));
    s.send({ t: 'cancel', opId: 5 });
    const { chunks, done } = await s.results(5, 3_000);
    expect(chunks).toEqual([]);
    expect(done.error?.code).toBe('KQL3001');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('hangs up on a site silent for three heartbeats and dials again', async () => {
    const site = await peer({ tokens: { T: 1 }, heartbeatMs: 40, pong: false });
    const h = await agent({ siteUrl: site.url, token: 'T' });
    const id = await h.welcomed;
    const first = site.session(id)!;
    await waitUntil(() => site.handshakes.length >= 2, 3_000, () => 'a second handshake');
    expect(first.ws.readyState).toBeGreaterThanOrEqual(2);
    expect(first.heartbeats).toBeGreaterThanOrEqual(2);
    expect(site.handshakes[1]).toEqual({ kind: 'auth', deviceId: id });
  });
});
