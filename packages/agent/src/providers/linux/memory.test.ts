import { describe, expect, it } from 'vitest';
import { Memory } from '../../../../entities/src/specs/memory.js';
import { PhysicalMemory } from '../../../../entities/src/specs/physical-memory.js';
import { memoryProvider } from './memory.js';
import { physicalMemoryProvider, SMBIOS_TABLE } from './physical-memory.js';
import { collectRows, exampleProblems, runTool, schemaProblems, testContext } from './util/hw-test-kit.js';
import { memoryModules } from './util/hw-smbios.js';
import { existsSync } from 'node:fs';
import { ProviderError } from '../provider.js';

async function freeB(): Promise<{ mem: number[]; swap: number[] }> {
  const lines = (await runTool('free', ['-b'], { ...process.env, LC_ALL: 'C' })).split('\n');
  const nums = (p: string): number[] => lines.find((l) => l.startsWith(p))!.split(/\s+/).slice(1).map(Number);
  return { mem: nums('Mem:'), swap: nums('Swap:') };
}

/** A type-17 structure as firmware writes it: formatted area, strings, double NUL. */
function type17(sizeWord: number, strings: string[], extMb = 0): Buffer {
  const d = Buffer.alloc(0x28);
  d[0] = 17; d[1] = 0x28; d.writeUInt16LE(0x1100, 2);
  d.writeUInt16LE(sizeWord, 0x0c);
  d[0x0e] = 0x09; // DIMM
  d[0x10] = 1; d[0x11] = 2; d[0x12] = 0x1a; // DDR4
  d.writeUInt16LE(0x0080, 0x13);
  d.writeUInt16LE(3200, 0x15);
  d[0x17] = 3; d[0x18] = 4; d[0x1a] = 5;
  d.writeUInt32LE(extMb, 0x1c);
  d.writeUInt16LE(2933, 0x20);
  const s = Buffer.from(strings.map((x) => x + '\0').join('') + '\0', 'latin1');
  return Buffer.concat([d, s]);
}

describe('Memory and PhysicalMemory on Linux', () => {
  it('Memory matches the schema with one row, and the examples bind', async () => {
    expect(exampleProblems(Memory)).toEqual([]);
    expect(exampleProblems(PhysicalMemory)).toEqual([]);
    const rows = await collectRows(memoryProvider);
    expect(rows).toHaveLength(1);
    expect(schemaProblems(Memory, rows)).toEqual([]);
  });

  it('Memory agrees with free -b (KB × 1024 = bytes; moving figures within 64 MB)', async () => {
    const [r] = await collectRows(memoryProvider);
    const f = await freeB();
    const kb = (k: string): number => (r![k] as number) * 1024;
    expect(kb('TotalPhysicalMemory')).toBe(f.mem[0]);
    expect(kb('TotalPageFileSpace')).toBe(f.swap[0]);
    expect(kb('TotalVirtualMemory')).toBe(f.mem[0]! + f.swap[0]!);
    const near = (a: number, b: number): boolean => Math.abs(a - b) < 64 * 1024 * 1024;
    expect(near(kb('FreePhysicalMemory'), f.mem[2]!)).toBe(true);
    expect(near(kb('CachedMemory'), f.mem[4]!)).toBe(true);
    expect(near(kb('AvailablePhysicalMemory'), f.mem[5]!)).toBe(true);
    expect(near(kb('FreePageFileSpace'), f.swap[2]!)).toBe(true);
  });

  it('PhysicalMemory reads the SMBIOS table, or returns nothing without one', async () => {
    const rows = await collectRows(physicalMemoryProvider);
    expect(schemaProblems(PhysicalMemory, rows)).toEqual([]);
    if (!existsSync(SMBIOS_TABLE)) {
      console.log(`No ${SMBIOS_TABLE} here (VM without DMI): PhysicalMemory returns no rows; the parser is checked on built structures.`);
      expect(rows).toEqual([]);
    } else {
      const total = rows.reduce((a, r) => a + ((r['Capacity'] as number | null) ?? 0), 0);
      const f = await freeB();
      expect(total).toBeGreaterThanOrEqual(f.mem[0]!);
    }
  });

  it('decodes type-17 memory devices: sizes, codes, strings; empty slots left out', () => {
    const table = Buffer.concat([
      type17(0x4000, ['DIMM 0', 'P0 CHANNEL A', 'Samsung', '0123ABCD', 'M378A2K43EB1-CWE']),
      type17(0, ['DIMM 1', 'P0 CHANNEL B']),
      type17(0x7fff, ['DIMM 2', 'P0 CHANNEL C', 'Micron', '99', 'X'], 65536),
      Buffer.from([127, 4, 0xff, 0xff, 0, 0]),
    ]);
    const mods = memoryModules(table);
    expect(mods).toHaveLength(2);
    expect(mods[0]).toMatchObject({ DeviceLocator: 'DIMM 0', BankLabel: 'P0 CHANNEL A', Capacity: 16 * 1024 ** 3, Manufacturer: 'Samsung', SerialNumber: '0123ABCD', PartNumber: 'M378A2K43EB1-CWE', Speed: 3200, ConfiguredClockSpeed: 2933, FormFactor: 8, MemoryType: 26, SMBIOSMemoryType: 26, TypeDetail: 128 });
    expect(mods[1]).toMatchObject({ DeviceLocator: 'DIMM 2', Capacity: 64 * 1024 ** 3 });
  });

  it('stop at once when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    for (const p of [memoryProvider, physicalMemoryProvider]) await expect(collectRows(p, testContext(ac.signal))).rejects.toBeInstanceOf(ProviderError);
  });
});
