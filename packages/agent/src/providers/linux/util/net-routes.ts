import { readFileSync } from 'node:fs';
import { hexToIPv4, netHexToIPv6 } from './net-address.js';

function read(path: string): string {
  try { return readFileSync(path, 'latin1'); } catch { return ''; }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** IPv4 default gateways per interface, from /proc/net/route (main table). */
export function ipv4DefaultGateways(text = read('/proc/net/route')): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8 || f[1] !== '00000000' || f[7] !== '00000000') continue;
    if (f[2] !== '00000000') push(out, f[0]!, hexToIPv4(f[2]!));
  }
  return out;
}

export interface V4Route { readonly iface: string; readonly dest: number; readonly mask: number }

/** Connected IPv4 routes (no gateway), to tell which interface holds an address when `ip` is absent. */
export function ipv4ConnectedRoutes(text = read('/proc/net/route')): V4Route[] {
  const out: V4Route[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8 || f[2] !== '00000000') continue;
    out.push({ iface: f[0]!, dest: ipv4ToInt(hexToIPv4(f[1]!)), mask: ipv4ToInt(hexToIPv4(f[7]!)) });
  }
  return out;
}

export function ipv4ToInt(a: string): number {
  return a.split('.').reduce((n, p) => ((n << 8) | Number(p)) >>> 0, 0);
}

/** IPv6 default gateways per interface, from /proc/net/ipv6_route (::/0 with a next hop). */
export function ipv6DefaultGateways(text = read('/proc/net/ipv6_route')): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const zero = '0'.repeat(32);
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10 || f[0] !== zero || f[1] !== '00' || f[4] === zero) continue;
    push(out, f[9]!, netHexToIPv6(f[4]!));
  }
  return out;
}

export interface Resolver { readonly servers: string[]; readonly search: string[] }

export function readResolvConf(text = read('/etc/resolv.conf')): Resolver {
  const servers: string[] = [];
  const search: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [key, ...rest] = line.split(/\s+/);
    if (key === 'nameserver' && rest[0]) servers.push(rest[0]);
    // The last search/domain line wins, as in the resolver.
    else if ((key === 'search' || key === 'domain') && rest.length) search.splice(0, search.length, ...rest);
  }
  return { servers, search };
}
