import { machine } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ProviderError, type Provider, type ProviderContext, type ProviderRow } from '../provider.js';
import { architectureBits } from './util/hw-os-release.js';
import { ARM_IMPLEMENTERS, cacheSizesKb, readCpuTimes, readLogicalCpus, windowsArchitecture, type LogicalCpu } from './util/hw-cpu.js';
import { checkAborted, linuxProvider, readNumber } from './util/hw-read.js';

type CpuTimes = Map<number, { busy: number; total: number }>;

/**
 * LoadPercentage is the busy share between two /proc/stat readings. The reading of the previous
 * collection is kept, so a query usually measures the load since then at no cost; only when there is
 * none from the last LOAD_REUSE_MS does a query wait LOAD_SAMPLE_MS for a second reading. A previous
 * reading younger than LOAD_MIN_WINDOW_MS (the kernel counts in 10 ms ticks) is too close to measure
 * against: that query repeats the load the previous one reported.
 */
export const LOAD_SAMPLE_MS = 20;
export const LOAD_MIN_WINDOW_MS = 20;
export const LOAD_REUSE_MS = 5 * 60_000;

interface LoadState { at: number; times: CpuTimes; loads: Map<number, number> }
let previous: LoadState | null = null;
let samplesTaken = 0;

/** Forgets the kept reading (tests: the next collection then takes a fresh sample). */
export function resetLoadSample(): void {
  previous = null;
}

/** How many collections waited for a sample of their own (tests: whether one did, without timing it). */
export function loadSamplesTaken(): number {
  return samplesTaken;
}

/** Busy percent of the given CPUs between two readings; null when no tick passed. */
export function loadBetween(before: CpuTimes, after: CpuTimes, cpus: readonly number[]): number | null {
  let busy = 0;
  let total = 0;
  for (const c of cpus) {
    const a = before.get(c);
    const b = after.get(c);
    if (a && b) { busy += b.busy - a.busy; total += b.total - a.total; }
  }
  return total > 0 ? Math.min(100, Math.max(0, Math.round((100 * busy) / total))) : null;
}

/** LoadPercentage per socket (see LOAD_SAMPLE_MS), and the kept reading moved on. */
async function socketLoads(sockets: ReadonlyMap<number, readonly number[]>, signal: AbortSignal): Promise<Map<number, number>> {
  let now = performance.now();
  let times = await readCpuTimes(signal);
  const prev = previous;
  if (prev && now - prev.at < LOAD_MIN_WINDOW_MS) return prev.loads;
  let base: CpuTimes;
  if (prev && now - prev.at < LOAD_REUSE_MS) {
    base = prev.times;
  } else {
    base = times;
    samplesTaken++;
    try {
      await sleep(LOAD_SAMPLE_MS, undefined, { signal });
    } catch (e) {
      throw new ProviderError('Processor: cancelled', { cause: e });
    }
    now = performance.now();
    times = await readCpuTimes(signal);
  }
  const loads = new Map<number, number>();
  for (const [id, cpus] of sockets) loads.set(id, loadBetween(base, times, cpus) ?? prev?.loads.get(id) ?? 0);
  previous = { at: now, times, loads };
  return loads;
}

const CPU = '/sys/devices/system/cpu/';

async function clocks(cpus: readonly LogicalCpu[], signal: AbortSignal): Promise<{ max: number | null; cur: number | null }> {
  const freqs = await Promise.all(cpus.map(async (c) => ({
    max: await readNumber(`${CPU}cpu${c.index}/cpufreq/cpuinfo_max_freq`, signal),
    cur: await readNumber(`${CPU}cpu${c.index}/cpufreq/scaling_cur_freq`, signal),
    info: Number(c.fields.get('cpu MHz') ?? NaN),
  })));
  const infoMhz = freqs.map((f) => f.info).filter((n) => Number.isFinite(n));
  const maxKhz = freqs.map((f) => f.max).filter((n): n is number => n !== null);
  const curKhz = freqs.map((f) => f.cur).filter((n): n is number => n !== null);
  const avg = (a: number[]): number => a.reduce((x, y) => x + y, 0) / a.length;
  const cur = curKhz.length ? avg(curKhz) / 1000 : infoMhz.length ? avg(infoMhz) : null;
  const max = maxKhz.length ? Math.max(...maxKhz) / 1000 : infoMhz.length ? Math.max(...infoMhz) : null;
  return { max: max === null ? null : Math.round(max), cur: cur === null ? null : Math.round(cur) };
}

function manufacturer(f: ReadonlyMap<string, string>): string {
  const vendor = f.get('vendor_id');
  if (vendor) return vendor;
  const impl = f.get('CPU implementer')?.toLowerCase();
  return impl ? (ARM_IMPLEMENTERS[impl] ?? impl) : '';
}

function modelName(f: ReadonlyMap<string, string>): string {
  return f.get('model name') ?? f.get('Model Name') ?? f.get('cpu model') ?? f.get('cpu') ?? f.get('Hardware') ?? f.get('Processor') ?? '';
}

/** Processor: one row per socket, from /proc/cpuinfo, sysfs topology, cpufreq and caches, and /proc/stat. */
export const processorProvider: Provider = linuxProvider('Processor', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  checkAborted(ctx.signal, 'Processor');
  const cpus = await readLogicalCpus('Processor', ctx.signal);
  const sockets = new Map<number, LogicalCpu[]>();
  for (const c of cpus) sockets.set(c.socket, [...(sockets.get(c.socket) ?? []), c]);
  const m = machine();
  const ids = [...sockets.keys()].sort((a, b) => a - b);
  // a load sample, when one is needed, runs while the static parts are read
  const [details, loads] = await Promise.all([
    Promise.all(ids.map(async (id) => {
      const list = sockets.get(id)!;
      const idx = list.map((c) => c.index);
      const [clk, caches] = await Promise.all([clocks(list, ctx.signal), cacheSizesKb(idx, ctx.signal)]);
      return { list, clk, l2: caches.get(2) ?? null, l3: caches.get(3) ?? null };
    })),
    socketLoads(new Map(ids.map((id) => [id, sockets.get(id)!.map((c) => c.index)])), ctx.signal),
  ]);
  for (const [n, { list, clk, l2, l3 }] of details.entries()) {
    checkAborted(ctx.signal, 'Processor');
    const f = list[0]!.fields;
    const flags = f.get('flags') ?? f.get('Features') ?? '';
    const cores = new Set(list.map((c) => c.core)).size;
    const bits = architectureBits(m);
    yield {
      Name: modelName(f),
      Manufacturer: manufacturer(f),
      DeviceID: `CPU${n}`,
      MaxClockSpeed: clk.max,
      CurrentClockSpeed: clk.cur,
      NumberOfCores: cores,
      NumberOfLogicalProcessors: list.length,
      LoadPercentage: loads.get(ids[n]!) ?? 0,
      Architecture: windowsArchitecture(m),
      AddressWidth: bits === '64-bit' ? 64 : bits === '32-bit' ? 32 : null,
      Is64Bit: f.has('flags') ? /\blm\b/.test(flags) : bits === '64-bit',
      IsHyperthreadEnabled: list.length > cores,
      IsVitualizationCapable: f.has('flags') ? /\b(vmx|svm)\b/.test(flags) : null,
      L2CacheSize: l2,
      ProcessorId: '',
      L3CacheSize: l3,
    };
  }
});
