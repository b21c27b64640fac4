import { ProviderError } from '../../provider.js';
import { listDir, readAttr, readNumber, readText } from './hw-read.js';

/** One online logical CPU, from /proc/cpuinfo and sysfs topology. */
export interface LogicalCpu {
  readonly index: number;
  readonly socket: number;
  readonly core: number;
  readonly fields: ReadonlyMap<string, string>;
}

const CPU = '/sys/devices/system/cpu/';

/** The online logical CPUs. sysfs topology is preferred (what lscpu reads); cpuinfo ids otherwise. */
export async function readLogicalCpus(entity: string, signal: AbortSignal): Promise<LogicalCpu[]> {
  const text = await readText('/proc/cpuinfo', signal);
  if (text === null) throw new ProviderError(`${entity}: /proc/cpuinfo is not readable`);
  const blocks = parseCpuinfo(text);
  return Promise.all(blocks.map(async (f) => {
    const index = Number(f.get('processor'));
    const topo = `${CPU}cpu${index}/topology/`;
    const [pkg, core] = await Promise.all([readNumber(topo + 'physical_package_id', signal), readNumber(topo + 'core_id', signal)]);
    return {
      index,
      socket: pkg ?? numberOr(f.get('physical id'), 0),
      core: core ?? numberOr(f.get('core id'), index),
      fields: f,
    };
  }));
}

function numberOr(s: string | undefined, d: number): number {
  const n = Number(s);
  return s !== undefined && s !== '' && Number.isFinite(n) ? n : d;
}

/** Blocks of `key : value` lines; only blocks with a numeric `processor` are CPUs (ARM adds a trailer). */
export function parseCpuinfo(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let cur = new Map<string, string>();
  const flush = (): void => {
    if (/^\d+$/.test(cur.get('processor') ?? '')) out.push(cur);
    else if (out.length > 0) for (const [k, v] of cur) for (const b of out) if (!b.has(k)) b.set(k, v);
    cur = new Map();
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') { flush(); continue; }
    const i = line.indexOf(':');
    if (i > 0) cur.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  flush();
  return out;
}

/**
 * Distinct data and unified caches over the given CPUs, summed per level, in KB (what lscpu totals).
 * Every attribute is read at once: sysfs reads are cheap but each costs a trip through libuv's pool.
 */
export async function cacheSizesKb(cpus: readonly number[], signal: AbortSignal): Promise<Map<number, number>> {
  const dirs = (await Promise.all(cpus.map(async (cpu) => {
    const base = `${CPU}cpu${cpu}/cache/`;
    return (await listDir(base)).filter((n) => n.startsWith('index')).map((n) => `${base}${n}/`);
  }))).flat();
  const caches = await Promise.all(dirs.map(async (dir) => {
    const [level, type, id, shared, size] = await Promise.all([
      readNumber(dir + 'level', signal), readAttr(dir + 'type', signal), readAttr(dir + 'id', signal),
      readAttr(dir + 'shared_cpu_list', signal), readAttr(dir + 'size', signal),
    ]);
    return { level, type, key: id || shared, size: parseSizeKb(size) };
  }));
  const seen = new Set<string>();
  const out = new Map<number, number>();
  for (const c of caches) {
    if (c.level === null || c.type === 'Instruction' || c.size === null) continue;
    const key = `${c.level}:${c.type}:${c.key}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.set(c.level, (out.get(c.level) ?? 0) + c.size);
  }
  return out;
}

/** One level of cacheSizesKb, null when there is no such cache. */
export async function cacheSizeKb(cpus: readonly number[], level: number, signal: AbortSignal): Promise<number | null> {
  return (await cacheSizesKb(cpus, signal)).get(level) ?? null;
}

export function parseSizeKb(s: string): number | null {
  const m = /^(\d+)\s*([KMG]?)/i.exec(s);
  if (!m) return null;
  const mult = { '': 1 / 1024, K: 1, M: 1024, G: 1024 * 1024 }[m[2]!.toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Math.round(Number(m[1]) * mult);
}

/** Busy and total jiffies per CPU index from /proc/stat. */
export async function readCpuTimes(signal: AbortSignal): Promise<Map<number, { busy: number; total: number }>> {
  const out = new Map<number, { busy: number; total: number }>();
  const text = (await readText('/proc/stat', signal)) ?? '';
  for (const line of text.split('\n')) {
    const m = /^cpu(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const v = m[2]!.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user/nice)
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    out.set(Number(m[1]), { busy: total - idle, total });
  }
  return out;
}

/** ARM's CPU implementer codes, for a Manufacturer where cpuinfo has no vendor_id. */
export const ARM_IMPLEMENTERS: Readonly<Record<string, string>> = {
  '0x41': 'ARM', '0x42': 'Broadcom', '0x43': 'Cavium', '0x48': 'HiSilicon', '0x4e': 'NVIDIA', '0x50': 'APM',
  '0x51': 'Qualcomm', '0x53': 'Samsung', '0x56': 'Marvell', '0x61': 'Apple', '0x69': 'Intel', '0x6d': 'Microsoft', '0xc0': 'Ampere',
};

/** Windows' Architecture code (0 x86, 5 ARM, 6 ia64, 9 x64, 12 ARM64, 3 PowerPC), null when Windows has none. */
export function windowsArchitecture(machine: string): number | null {
  if (machine === 'x86_64') return 9;
  if (/^i[3-6]86$/.test(machine)) return 0;
  if (machine === 'aarch64' || machine === 'arm64') return 12;
  if (machine.startsWith('arm')) return 5;
  if (machine === 'ia64') return 6;
  if (machine.startsWith('ppc')) return 3;
  return null;
}
