import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../channel/logger.js';
import { TestSitePeer, waitUntil } from '../channel/test-site-peer.js';
import { simulateAgents, type SimulatedFleet } from './simulate-agents.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function fleet(o: Parameters<typeof simulateAgents>[0]): Promise<SimulatedFleet> {
  const f = await simulateAgents({ log: silentLogger, connectRate: 5_000, backoff: { baseMs: 20, capMs: 100 }, ...o });
  cleanups.push(() => f.close());
  return f;
}

describe('simulated agents', () => {
  it('connects 200 devices that answer a query with their own names and varied OS versions', async () => {
    const site = await TestSitePeer.start({ tokens: { FLEET: 200 } });
    cleanups.push(() => site.close());
    const f = await fleet({ count: 200, siteUrl: site.url, token: 'FLEET', seed: 42 });
    await f.ready(200, 10_000);
    expect(f.connected()).toBe(200);
    expect(site.sessions.size).toBe(200);

    const sessions = [...site.sessions];
    sessions.forEach((s) => s.query(1, 'OS | project Device, Caption, Version'));
    const results = await Promise.all(sessions.map((s) => s.results(1, 10_000)));
    const rows = results.flatMap((r) => r.chunks.flatMap((c) => c.rows)) as [string, string, string][];
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r[0])).size).toBe(200);
    expect(rows.every((r) => /^SIM-\d{5}$/.test(r[0]))).toBe(true);
    expect(new Set(rows.map((r) => r[2])).size).toBeGreaterThanOrEqual(6);
    for (const s of sessions) {
      const row = rows.find((r) => r[0] === s.facts.name)!;
      expect(s.facts.platform).toBe(row[1].startsWith('Microsoft Windows') ? 'windows' : 'linux');
      expect(s.facts.osVersion).toBe(row[2]);
    }
    expect(results.every((r) => r.done.error === undefined)).toBe(true);
  });

  it('authenticates as the same devices after a restart with the saved identities', async () => {
    const site = await TestSitePeer.start({ tokens: { T: 20 } });
    cleanups.push(() => site.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'openpivot-sim-'));
    const first = await simulateAgents({ count: 20, siteUrl: site.url, token: 'T', dataDir, log: silentLogger, connectRate: 5_000 });
    await first.ready(20, 5_000);
    await first.close();
    expect(statSync(join(dataDir, 'simulated-identities.json')).mode & 0o777).toBe(0o600);
    expect(site.handshakes.filter((h) => h.kind === 'enroll')).toHaveLength(20);

    const second = await fleet({ count: 20, siteUrl: site.url, dataDir });
    await second.ready(20, 5_000);
    const auths = site.handshakes.filter((h) => h.kind === 'auth');
    expect(auths).toHaveLength(20);
    expect(new Set(auths.map((h) => h.deviceId))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => i + 1)));
  });

  it('reports devices refused when the token has too few uses', async () => {
    const site = await TestSitePeer.start({ tokens: { SHORT: 5 } });
    cleanups.push(() => site.close());
    const f = await fleet({ count: 8, siteUrl: site.url, token: 'SHORT' });
    // It fails as soon as one refusal makes 8 unreachable, without waiting for the timeout.
    await expect(f.ready(8, 5_000)).rejects.toThrow(/simulated devices were refused enrollment .*it needs 8 uses/);
    await f.ready(5, 5_000);
    await waitUntil(() => f.refused() === 3, 2_000, () => 'three refusals');
    expect(f.connected()).toBe(5);
  });

  it('refuses bad options before starting anything', async () => {
    await expect(simulateAgents({ count: 0, siteUrl: 'http://x', token: 't' })).rejects.toThrow(/^count: /);
    await expect(simulateAgents({ count: 2, siteUrl: 'mailto:x', token: 't' })).rejects.toThrow(/^siteUrl: /);
    await expect(simulateAgents({ count: 2, siteUrl: 'http://127.0.0.1:1', log: silentLogger })).rejects.toThrow(/^token: 2 of the 2/);
  });
});
