import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { ipConfigProvider } from './ip-config.js';
import { fromProcFiles, parseIpJson } from './util/net-ip-addresses.js';
import { ipv4DefaultGateways, ipv6DefaultGateways, readResolvConf } from './util/net-routes.js';
import { collectAll, testContext } from './util/fs-test-context.js';

const ipJson = (): string => execFileSync('ip', ['-j', 'addr', 'show'], { encoding: 'utf8' });

describe('IPConfig (linux)', () => {
  it('has the interfaces and addresses `ip -j addr` shows', async () => {
    const rows = await collectAll(ipConfigProvider, testContext());
    const truth = JSON.parse(ipJson()) as { ifname: string; ifindex: number; addr_info: { family: string; local: string }[] }[];
    expect(rows.map((r) => r.InterfaceAlias).sort()).toEqual(truth.map((t) => t.ifname).sort());
    for (const t of truth) {
      const r = rows.find((x) => x.InterfaceAlias === t.ifname)!;
      expect(r.InterfaceIndex).toBe(t.ifindex);
      expect(r.IPV4Address).toBe(t.addr_info.filter((a) => a.family === 'inet').map((a) => a.local).join('; '));
      expect(r.IPV6Address).toBe(t.addr_info.filter((a) => a.family === 'inet6').map((a) => a.local).join('; '));
    }
    const up = rows.filter((r) => r.Status === 'Up').map((r) => r.InterfaceAlias);
    expect(up).toContain('lo');
  });

  it('finds the default gateways `ip route` shows and the resolv.conf servers', async () => {
    const rows = await collectAll(ipConfigProvider, testContext());
    for (const [fam, col] of [['-4', 'IPV4DefaultGateway'], ['-6', 'IPV6DefaultGateway']] as const) {
      const routes = JSON.parse(execFileSync('ip', ['-j', fam, 'route', 'show', 'default'], { encoding: 'utf8' })) as { gateway?: string; dev: string }[];
      for (const r of routes.filter((x) => x.gateway)) {
        expect(String(rows.find((x) => x.InterfaceAlias === r.dev)![col]).split('; ')).toContain(r.gateway);
      }
    }
    expect(readResolvConf('# c\nnameserver 10.0.0.1\nnameserver fd00::53 ; x\nsearch a.example b.example\n')).toEqual({ servers: ['10.0.0.1', 'fd00::53'], search: ['a.example', 'b.example'] });
  });

  it('parses the route tables', () => {
    const route = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\neth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\neth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n';
    expect([...ipv4DefaultGateways(route)]).toEqual([['eth0', ['192.0.2.1']]]);
    const v6 = '00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000002 00000000 00000003     eth0\n';
    expect([...ipv6DefaultGateways(v6)]).toEqual([['eth0', ['fd00::1']]]);
  });

  it('without ip, reads the same addresses from /proc (this machine has no down interface with addresses)', () => {
    const files = fromProcFiles();
    const ip = parseIpJson(ipJson());
    for (const [name, a] of ip) {
      expect(files.get(name)?.v4 ?? [], name).toEqual(a.v4);
      expect([...(files.get(name)?.v6 ?? [])].sort(), name).toEqual([...a.v6].sort());
    }
  });
});
