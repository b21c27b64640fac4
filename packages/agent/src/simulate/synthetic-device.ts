import type { DeviceFacts } from '@openpivot/protocol';
import { AGENT_VERSION } from '../channel/facts.js';
import { between, pick, pickWeighted, randomFrom } from './random.js';
import { FIRST_NAMES, HARDWARE, OS_CHOICES, type OsChoice } from './synthetic-data.js';

/**
 * One simulated device: only its seed and index are stored; everything else is derived when needed, so
 * ten thousand of them cost a few hundred bytes each.
 */
export interface SimDevice {
  readonly seed: number;
  /** 1-based. */
  readonly index: number;
  readonly name: string;
  readonly os: OsChoice;
}

export const SIM_DOMAIN = 'sim.contoso.com';
const DAY = 86_400_000;

export function simulatedDevice(seed: number, index: number, prefix = 'SIM-'): SimDevice {
  const r = randomFrom(seed, index, 'os');
  return { seed, index, name: `${prefix}${String(index).padStart(5, '0')}`, os: pickWeighted(r, OS_CHOICES) };
}

/** What the device says about itself when it connects. */
export function simulatedFacts(d: SimDevice): DeviceFacts {
  return { name: d.name, platform: d.os.platform, os: d.os.caption, osVersion: d.os.version, agentVersion: AGENT_VERSION, ip: ipOf(d), domain: SIM_DOMAIN };
}

/** 10.20.0.11 upwards: one address per device, unique up to a million devices. */
export function ipOf(d: SimDevice): string {
  const n = d.index + 10;
  return `10.${20 + ((n >>> 16) & 0xff)}.${(n >>> 8) & 0xff}.${n & 0xff}`;
}

export function macOf(d: SimDevice): string {
  const n = d.index;
  return ['00', '15', '5D', (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].map((x) => (typeof x === 'string' ? x : x.toString(16).toUpperCase().padStart(2, '0'))).join(':');
}

/** The facts several entities share (maker, user, memory, boot time), the same for every entity of a device. */
export interface Machine {
  readonly manufacturer: string;
  readonly model: string;
  /** The console user ("" on servers, where nobody sits at the console). */
  readonly user: string;
  readonly totalMemoryKb: number;
  readonly freeMemoryKb: number;
  readonly bootAgoMs: number;
  readonly installAgoMs: number;
}

export function machineOf(d: SimDevice): Machine {
  const r = randomFrom(d.seed, d.index, 'machine');
  const [manufacturer, model] = pick(r, d.os.server ? HARDWARE.server : HARDWARE.desktop);
  const gb = d.os.server ? pick(r, [8, 16, 32, 64, 128]) : pick(r, [8, 16, 16, 32]);
  const totalMemoryKb = gb * 1024 * 1024 - between(r, 100_000, 400_000);
  const user = d.os.server ? '' : `${pick(r, FIRST_NAMES)}.${String(between(r, 1, 999)).padStart(3, '0')}`;
  return {
    manufacturer, model, user,
    totalMemoryKb,
    freeMemoryKb: Math.floor(totalMemoryKb * (0.1 + 0.6 * r())),
    // Desktops restart often, servers seldom.
    bootAgoMs: Math.floor((d.os.server ? between(r, 1, 90) : between(r, 0, 20)) * DAY + r() * DAY),
    installAgoMs: between(r, 30, 1500) * DAY,
  };
}

/** The console user as the OS writes it: DOMAIN\user on Windows. */
export function consoleUser(d: SimDevice, m: Machine): string {
  if (m.user === '') return '';
  return d.os.platform === 'windows' ? `CONTOSO\\${m.user}` : m.user;
}
