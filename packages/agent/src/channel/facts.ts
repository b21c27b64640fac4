import { readFile } from 'node:fs/promises';
import { networkInterfaces, release, version } from 'node:os';
import type { DeviceFacts } from '@openpivot/protocol';
import type { Platform } from '@openpivot/entities';
import { parseOsRelease } from '../providers/linux/util/hw-os-release.js';
import { readDnsDomain, shortHostname } from '../providers/linux/util/hw-domain.js';

/** Sent in every enroll and auth; the site shows it beside the device. */
export const AGENT_VERSION = '0.1.0';

/** The name this agent gives its device: the host name without its domain, as Windows names a computer. */
export function deviceName(): string {
  return shortHostname() || 'localhost';
}

/**
 * What this machine says about itself on each connection. Read afresh at every connect, so an upgrade
 * or a new address shows on the site after the next reconnect.
 */
export async function readDeviceFacts(platform: Platform, name: string = deviceName()): Promise<DeviceFacts> {
  const signal = AbortSignal.timeout(5_000);
  let os: string;
  let osVersion: string;
  let domain = '';
  if (platform === 'linux') {
    const text = await readFile('/etc/os-release', { encoding: 'utf8', signal }).catch(() => readFile('/usr/lib/os-release', { encoding: 'utf8', signal }).catch(() => ''));
    const info = parseOsRelease(text);
    os = info.get('PRETTY_NAME') ?? info.get('NAME') ?? 'Linux';
    osVersion = info.get('VERSION_ID') ?? release();
    domain = await readDnsDomain(signal).catch(() => '');
  } else {
    // os.version() is the edition ("Windows 10 Pro"), os.release() the build ("10.0.19045").
    os = version() || 'Windows';
    osVersion = release();
    domain = process.env.USERDNSDOMAIN ?? '';
  }
  return clipFacts({ name, platform, os, osVersion, agentVersion: AGENT_VERSION, ip: firstIPv4(), ...(domain ? { domain } : {}) });
}

/** The first address a site could reach the device at: a non-internal IPv4, else "". */
export function firstIPv4(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '';
}

/** Cuts every text to the protocol's maximum, so a long os-release line never gets the agent refused. */
export function clipFacts(f: DeviceFacts): DeviceFacts {
  const cut = (s: string, n: number): string => (s.length > n ? s.slice(0, n) : s);
  return {
    name: cut(f.name, 255) || 'unknown',
    platform: f.platform,
    os: cut(f.os, 255),
    osVersion: cut(f.osVersion, 255),
    agentVersion: cut(f.agentVersion, 64),
    ip: cut(f.ip, 255),
    ...(f.domain ? { domain: cut(f.domain, 255) } : {}),
  };
}
