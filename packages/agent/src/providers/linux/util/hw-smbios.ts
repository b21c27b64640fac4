/** An SMBIOS structure: its type, formatted bytes and string set (1-based, as the spec indexes them). */
export interface SmbiosStructure {
  readonly type: number;
  readonly data: Buffer;
  readonly strings: readonly string[];
}

/** Walks a raw SMBIOS table (/sys/firmware/dmi/tables/DMI) structure by structure, to the end-of-table. */
export function parseSmbios(table: Buffer): SmbiosStructure[] {
  const out: SmbiosStructure[] = [];
  let off = 0;
  while (off + 4 <= table.length) {
    const type = table[off]!;
    const len = table[off + 1]!;
    if (len < 4 || off + len > table.length) break;
    const data = table.subarray(off, off + len);
    // the string set ends at a double NUL (a structure without strings has just the two NULs)
    let p = off + len;
    const strings: string[] = [];
    while (p < table.length) {
      const end = table.indexOf(0, p);
      if (end < 0) { p = table.length; break; }
      if (end === p) { p += 1; break; }
      strings.push(table.toString('latin1', p, end).trim());
      p = end + 1;
    }
    if (strings.length === 0 && table[p] === 0) p += 1;
    out.push({ type, data, strings });
    if (type === 127) break;
    off = p;
  }
  return out;
}

function str(s: SmbiosStructure, at: number): string {
  if (at >= s.data.length) return '';
  const i = s.data[at]!;
  return i === 0 ? '' : (s.strings[i - 1] ?? '');
}

function word(s: SmbiosStructure, at: number): number | null {
  return at + 2 <= s.data.length ? s.data.readUInt16LE(at) : null;
}

function dword(s: SmbiosStructure, at: number): number | null {
  return at + 4 <= s.data.length ? s.data.readUInt32LE(at) : null;
}

/** SMBIOS form factor → Win32_PhysicalMemory.FormFactor. */
const FORM_FACTOR: Readonly<Record<number, number>> = { 1: 1, 2: 0, 3: 7, 4: 2, 6: 3, 7: 4, 8: 6, 9: 8, 10: 9, 12: 11, 13: 12, 14: 13 };
/** SMBIOS memory type → Win32_PhysicalMemory.MemoryType (Windows stops at DDR4; newer types read 0). */
const MEMORY_TYPE: Readonly<Record<number, number>> = {
  1: 1, 2: 0, 3: 2, 4: 6, 5: 7, 6: 8, 7: 9, 8: 10, 9: 11, 10: 12, 11: 13, 12: 14, 13: 15, 14: 16, 15: 17, 16: 18, 17: 19,
  18: 20, 19: 21, 20: 22, 24: 24, 25: 25, 26: 26,
};

export interface MemoryModule {
  readonly BankLabel: string;
  readonly DeviceLocator: string;
  readonly Capacity: number | null;
  readonly Manufacturer: string;
  readonly PartNumber: string;
  readonly SerialNumber: string;
  readonly Speed: number | null;
  readonly FormFactor: number | null;
  readonly MemoryType: number | null;
  readonly TypeDetail: number | null;
  readonly SMBIOSMemoryType: number | null;
  readonly ConfiguredClockSpeed: number | null;
}

/** Size in bytes from the Size word (bit 15: KB, else MB; 0x7FFF: see Extended Size, in MB). */
function moduleBytes(s: SmbiosStructure): number | null {
  const size = word(s, 0x0c);
  if (size === null || size === 0xffff) return null;
  if (size === 0x7fff) {
    const ext = dword(s, 0x1c);
    return ext === null ? null : (ext & 0x7fffffff) * 1024 * 1024;
  }
  return (size & 0x8000 ? 1024 : 1024 * 1024) * (size & 0x7fff);
}

function speed(s: SmbiosStructure, at: number, extAt: number): number | null {
  const v = word(s, at);
  if (v === null || v === 0) return null;
  if (v === 0xffff) return dword(s, extAt);
  return v;
}

/** The installed memory modules (type 17 with a non-zero size: empty slots are left out, as Windows does). */
export function memoryModules(table: Buffer): MemoryModule[] {
  return parseSmbios(table)
    .filter((s) => s.type === 17 && s.data.length >= 0x15 && word(s, 0x0c) !== 0)
    .map((s) => {
      const ff = s.data[0x0e]!;
      const mt = s.data[0x12]!;
      return {
        BankLabel: str(s, 0x11),
        DeviceLocator: str(s, 0x10),
        Capacity: moduleBytes(s),
        Manufacturer: str(s, 0x17),
        PartNumber: str(s, 0x1a),
        SerialNumber: str(s, 0x18),
        Speed: speed(s, 0x15, 0x54),
        FormFactor: FORM_FACTOR[ff] ?? 0,
        MemoryType: MEMORY_TYPE[mt] ?? 0,
        TypeDetail: word(s, 0x13),
        SMBIOSMemoryType: mt,
        ConfiguredClockSpeed: speed(s, 0x20, 0x58),
      };
    });
}
