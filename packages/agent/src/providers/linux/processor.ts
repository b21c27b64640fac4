import { machine } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ProviderError, type Provider, type ProviderContext, type ProviderRow } from '../provider.js';
import { architectureBits } from './util/hw-os-release.js';
import { ARM_IMPLEMENTERS, cacheSizeKb, readCpuTimes, readLogicalCpus, windowsArchitecture, type LogicalCpu } from './util/hw-cpu.js';
import { checkAborted, linuxProvider, readNumber } from './util/hw-read.js';

/** How long LoadPercentage samples /proc/stat: long enough to mean something, short enough for a query. */
export const LOAD_SAMPLE_MS = 100;

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
  const before = await readCpuTimes(ctx.signal);
  const sampleStart = performance.now();
  const cpus = await readLogicalCpus('Processor', ctx.signal);
  const sockets = new Map<number, LogicalCpu[]>();
  for (const c of cpus) sockets.set(c.socket, [...(sockets.get(c.socket) ?? []), c]);
  const m = machine();
  const ids = [...sockets.keys()].sort((a, b) => a - b);
  const details = await Promise.all(ids.map(async (id) => {
    const list = sockets.get(id)!;
    const idx = list.map((c) => c.index);
    const [clk, l2, l3] = await Promise.all([clocks(list, ctx.signal), cacheSizeKb(idx, 2, ctx.signal), cacheSizeKb(idx, 3, ctx.signal)]);
    return { list, clk, l2, l3 };
  }));
  // the rest of the sample window; reading the static parts above already used some of it
  const left = LOAD_SAMPLE_MS - (performance.now() - sampleStart);
  if (left > 0) {
    try {
      await sleep(left, undefined, { signal: ctx.signal });
    } catch (e) {
      throw new ProviderError('Processor: cancelled', { cause: e });
    }
  }
  const after = await readCpuTimes(ctx.signal);
  for (const [n, { list, clk, l2, l3 }] of details.entries()) {
    checkAborted(ctx.signal, 'Processor');
    const f = list[0]!.fields;
    const flags = f.get('flags') ?? f.get('Features') ?? '';
    const cores = new Set(list.map((c) => c.core)).size;
    let busy = 0;
    let total = 0;
    for (const c of list) {
      const a = before.get(c.index);
      const b = after.get(c.index);
      if (a && b) { busy += b.busy - a.busy; total += b.total - a.total; }
    }
    const bits = architectureBits(m);
    yield {
      Name: modelName(f),
      Manufacturer: manufacturer(f),
      DeviceID: `CPU${n}`,
      MaxClockSpeed: clk.max,
      CurrentClockSpeed: clk.cur,
      NumberOfCores: cores,
      NumberOfLogicalProcessors: list.length,
      LoadPercentage: total > 0 ? Math.round((100 * busy) / total) : 0,
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
