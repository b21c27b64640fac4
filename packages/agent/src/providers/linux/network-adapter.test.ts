import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { networkAdapterProvider } from './network-adapter.js';
import { collectAll, medianMs, testContext } from './util/fs-test-context.js';

describe('NetworkAdapter (linux)', () => {
  it('has the links `ip -j link` shows, with their MAC, MTU and state', async () => {
    const rows = await collectAll(networkAdapterProvider, testContext());
    const truth = JSON.parse(execFileSync('ip', ['-j', 'link', 'show'], { encoding: 'utf8' })) as { ifname: string; ifindex: number; address?: string; mtu: number; flags: string[]; operstate: string; link_type: string }[];
    expect(rows.map((r) => r.Name)).toEqual(truth.map((t) => t.ifname));
    for (const t of truth) {
      const r = rows.find((x) => x.Name === t.ifname)!;
      expect(r.Index).toBe(t.ifindex);
      expect(r.MTU).toBe(t.mtu);
      expect(r.NetEnabled).toBe(t.flags.includes('UP'));
      expect(r.OperState).toBe(t.operstate.toLowerCase());
      if (t.link_type === 'loopback') expect(r.AdapterType).toBe('Loopback');
      else expect(r.MACAddress).toBe((t.address ?? '').toUpperCase());
      if (t.flags.includes('LOWER_UP')) expect(r.NetConnectionStatus).toBe(2);
    }
  });

  it('is faster than ip -j link', async () => {
    const ours = await medianMs(9, () => collectAll(networkAdapterProvider, testContext()));
    const ip = await medianMs(9, async () => execFileSync('ip', ['-j', 'link', 'show']));
    console.log(`NetworkAdapter: ${ours.toFixed(2)} ms; ip -j link: ${ip.toFixed(1)} ms`);
    expect(ours).toBeLessThan(Math.max(ip * 1.5, 10));
  });
});
