import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { networkAdapterProvider } from './network-adapter.js';
import { collectAll, testContext } from './util/fs-test-context.js';

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
});
