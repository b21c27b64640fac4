import { describe, expect, it } from 'vitest';
import { Processor } from '../../../../entities/src/specs/processor.js';
import { LOAD_MIN_WINDOW_MS, LOAD_SAMPLE_MS, loadBetween, loadSamplesTaken, processorProvider, resetLoadSample } from './processor.js';
import { collectRows, exampleProblems, runTool, schemaProblems, testContext } from './util/hw-test-kit.js';
import { parseCpuinfo, parseSizeKb } from './util/hw-cpu.js';
import { ProviderError } from '../provider.js';

function field(out: string, key: string): string {
  return out.split('\n').find((l) => l.startsWith(key + ':'))?.slice(key.length + 1).trim() ?? '';
}

/** lscpu's "2 MiB (2 instances)" in KB. */
function lscpuKb(s: string): number | null {
  const m = /^([\d.]+)\s*(KiB|MiB|GiB)/.exec(s);
  if (!m) return null;
  return Math.round(Number(m[1]) * { KiB: 1, MiB: 1024, GiB: 1024 * 1024 }[m[2] as 'KiB' | 'MiB' | 'GiB']);
}

describe('Processor on Linux', () => {
  it('matches the schema, one row per socket, and the examples bind', async () => {
    expect(exampleProblems(Processor)).toEqual([]);
    const rows = await collectRows(processorProvider);
    expect(rows.length).toBeGreaterThan(0);
    expect(schemaProblems(Processor, rows)).toEqual([]);
  });

  it('agrees with lscpu and nproc', async () => {
    const rows = await collectRows(processorProvider);
    const lscpu = await runTool('lscpu', [], { ...process.env, LC_ALL: 'C' });
    expect(rows).toHaveLength(Number(field(lscpu, 'Socket(s)')));
    expect(rows.reduce((a, r) => a + (r['NumberOfLogicalProcessors'] as number), 0)).toBe(Number((await runTool('nproc', ['--all'])).trim()));
    const coresPerSocket = Number(field(lscpu, 'Core(s) per socket'));
    for (const r of rows) {
      expect(r['NumberOfCores']).toBe(coresPerSocket);
      expect(r['Name']).toBe(field(lscpu, 'Model name'));
      expect(r['Manufacturer']).toBe(field(lscpu, 'Vendor ID'));
      expect(r['IsHyperthreadEnabled']).toBe(Number(field(lscpu, 'Thread(s) per core')) > 1);
      const load = r['LoadPercentage'] as number;
      expect(load >= 0 && load <= 100).toBe(true);
    }
    const l2 = lscpuKb(field(lscpu, 'L2 cache'));
    if (l2 !== null) expect(rows.reduce((a, r) => a + (r['L2CacheSize'] as number), 0)).toBe(l2);
    const l3 = lscpuKb(field(lscpu, 'L3 cache'));
    if (l3 !== null) expect(rows.reduce((a, r) => a + (r['L3CacheSize'] as number), 0)).toBe(l3);
    const maxMhz = Number(field(lscpu, 'CPU max MHz'));
    if (maxMhz > 0) expect(Math.abs((rows[0]!['MaxClockSpeed'] as number) - maxMhz)).toBeLessThanOrEqual(1);
    else console.log('lscpu shows no CPU max MHz here (no cpufreq in this VM): MaxClockSpeed comes from cpuinfo and is not compared.');
  });

  it('reads cpuinfo blocks and cache sizes', () => {
    const arm = 'processor\t: 0\nCPU implementer\t: 0x41\n\nprocessor\t: 1\nCPU implementer\t: 0x41\n\nHardware\t: BCM2835\n';
    const blocks = parseCpuinfo(arm);
    expect(blocks).toHaveLength(2);
    expect(blocks[1]!.get('Hardware')).toBe('BCM2835');
    expect(parseSizeKb('1024K')).toBe(1024);
    expect(parseSizeKb('32M')).toBe(32768);
  });

  it('measures the load since the previous collection, sampling only when there is none', async () => {
    resetLoadSample();
    const t = performance.now();
    const first = await collectRows(processorProvider);
    expect(performance.now() - t).toBeGreaterThanOrEqual(LOAD_SAMPLE_MS - 1);
    // right after: too close to measure against, so the same load again, at once
    const sampled = loadSamplesTaken();
    const again = await collectRows(processorProvider);
    // Counted, not timed: a busy machine may take longer than a sample to read /proc.
    expect(loadSamplesTaken()).toBe(sampled);
    expect(again.map((r) => r['LoadPercentage'])).toEqual(first.map((r) => r['LoadPercentage']));
    // keep one logical CPU busy for 300 ms: the next collection sees it
    await new Promise((r) => setTimeout(r, LOAD_MIN_WINDOW_MS));
    await collectRows(processorProvider);
    const spinUntil = performance.now() + 300;
    while (performance.now() < spinUntil) { /* busy */ }
    const before = loadSamplesTaken();
    const busy = await collectRows(processorProvider);
    expect(loadSamplesTaken()).toBe(before);
    const logical = busy.reduce((a, r) => a + (r['NumberOfLogicalProcessors'] as number), 0);
    const load = busy.reduce((a, r) => a + (r['LoadPercentage'] as number) * (r['NumberOfLogicalProcessors'] as number), 0) / logical;
    console.log(`LoadPercentage after spinning one of ${logical} logical CPUs for 300 ms: ${load.toFixed(0)}%`);
    expect(load).toBeGreaterThanOrEqual((100 / logical) * 0.7);
  });

  it('computes the busy share between two /proc/stat readings', () => {
    const a = new Map([[0, { busy: 10, total: 100 }], [1, { busy: 0, total: 100 }]]);
    const b = new Map([[0, { busy: 60, total: 200 }], [1, { busy: 0, total: 200 }]]);
    expect(loadBetween(a, b, [0])).toBe(50);
    expect(loadBetween(a, b, [0, 1])).toBe(25);
    expect(loadBetween(a, a, [0, 1])).toBeNull();
  });

  it('stops within the sample window when cancelled', async () => {
    resetLoadSample();
    const ac = new AbortController();
    const t0 = performance.now();
    const p = collectRows(processorProvider, testContext(ac.signal));
    setTimeout(() => ac.abort(), 5);
    await expect(p).rejects.toBeInstanceOf(ProviderError);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
