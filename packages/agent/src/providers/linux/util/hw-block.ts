import { join } from 'node:path';
import { checkAborted, listDir, readAttr, readNumber, readText } from './hw-read.js';
import { parseMountinfo } from './hw-mounts.js';

const GPT_TYPES: Readonly<Record<string, string>> = {
  'c12a7328-f81f-11d2-ba4b-00a0c93ec93b': 'GPT: System',
  'ebd0a0a2-b9e5-4433-87c0-68b6b72699c7': 'GPT: Basic Data',
  'e3c9e316-0b5c-4db8-817d-f92df00215ae': 'GPT: Microsoft Reserved',
  'de94bba4-06d1-4d40-a16a-bfd50179d6ac': 'GPT: Windows Recovery',
  '21686148-6449-6e6f-744e-656564454649': 'GPT: BIOS Boot',
  '0fc63daf-8483-4772-8e79-3d69d8477de4': 'GPT: Linux Filesystem',
  '4f68bce3-e8cd-4db1-96e7-fbcaf984b709': 'GPT: Linux Root (x86-64)',
  'b921b045-1df0-41c3-af44-4c6f280d3fae': 'GPT: Linux Root (ARM64)',
  '0657fd6d-a4ab-43c4-84e5-0933c84b4f4f': 'GPT: Linux Swap',
  'e6d6d379-f507-44c2-a23c-238f2a3df928': 'GPT: Linux LVM',
  'a19d880f-05fc-4d3b-a006-743f0f84911e': 'GPT: Linux RAID',
  '933ac7e1-2eb4-4f13-b844-0e14e2aef915': 'GPT: Linux Home',
  'bc13c2ff-59e6-4262-a352-b275fd6f7172': 'GPT: Linux Extended Boot',
};
const BOOT_GPT = new Set(['c12a7328-f81f-11d2-ba4b-00a0c93ec93b', '21686148-6449-6e6f-744e-656564454649']);
const MBR_TYPES: Readonly<Record<number, string>> = {
  0x83: 'Linux', 0x82: 'Linux Swap', 0x8e: 'Linux LVM', 0xfd: 'Linux RAID', 0x07: 'Installable File System', 0x0b: 'FAT32',
  0x0c: 'FAT32 LBA', 0x0e: 'FAT16 LBA', 0xef: 'EFI System', 0x05: 'Extended', 0x0f: 'Extended', 0x85: 'Linux Extended', 0xee: 'GPT Protective',
};
const EXTENDED = new Set([0x05, 0x0f, 0x85]);

export interface PartitionInfo {
  readonly diskName: string;
  readonly diskIndex: number;
  readonly name: string;
  readonly number: number;
  readonly start: number;
  readonly size: number;
  readonly blockSize: number;
  readonly type: string;
  readonly bootable: boolean;
  readonly primary: boolean;
  readonly mountPoint: string;
  readonly fileSystem: string;
}

/** `E:KEY=value` lines of a udev database entry (/run/udev/data/b8:1). */
function udevProps(text: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of (text ?? '').split('\n')) {
    const m = /^E:([^=]+)=(.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * The partitions of every disk under `<sys>/block`. Sizes in sysfs are 512-byte sectors whatever the
 * disk's block size. Partition types come from udev's database when udev runs; else 'Unknown'.
 */
export async function readPartitions(entity: string, signal: AbortSignal, mountinfoText: string, sys = '/sys', udev = '/run/udev/data'): Promise<PartitionInfo[]> {
  const mounts = new Map<string, { target: string; fstype: string }>();
  for (const m of parseMountinfo(mountinfoText)) {
    const seen = mounts.get(m.majMin);
    if (!seen || m.target.length < seen.target.length) mounts.set(m.majMin, { target: m.target, fstype: m.fstype });
  }
  const disks: { name: string; parts: string[] }[] = [];
  for (const name of (await listDir(join(sys, 'block'))).sort(naturalCompare)) {
    checkAborted(signal, entity);
    if (/^(ram|zram)\d+$/.test(name)) continue;
    const dir = join(sys, 'block', name);
    const parts = [];
    for (const e of await listDir(dir)) if (e.startsWith(name) && (await readAttr(join(dir, e, 'partition'), signal)) !== '') parts.push(e);
    if (name.startsWith('loop') && parts.length === 0) continue;
    if (((await readNumber(join(dir, 'size'), signal)) ?? 0) === 0) continue;
    disks.push({ name, parts: parts.sort(naturalCompare) });
  }
  const out: PartitionInfo[] = [];
  for (const [diskIndex, d] of disks.entries()) {
    const dir = join(sys, 'block', d.name);
    const blockSize = (await readNumber(join(dir, 'queue', 'logical_block_size'), signal)) ?? 512;
    for (const p of d.parts) {
      checkAborted(signal, entity);
      const pdir = join(dir, p);
      const [number, start, sectors, dev] = await Promise.all([
        readNumber(join(pdir, 'partition'), signal), readNumber(join(pdir, 'start'), signal), readNumber(join(pdir, 'size'), signal), readAttr(join(pdir, 'dev'), signal),
      ]);
      const props = udevProps(await readText(join(udev, `b${dev}`), signal));
      const scheme = props.get('ID_PART_ENTRY_SCHEME') ?? '';
      const rawType = (props.get('ID_PART_ENTRY_TYPE') ?? '').toLowerCase();
      const flags = Number(props.get('ID_PART_ENTRY_FLAGS') ?? '0');
      const mbrType = scheme === 'dos' ? Number(rawType) : NaN;
      const n = number ?? 0;
      const mount = mounts.get(dev);
      out.push({
        diskName: d.name,
        diskIndex,
        name: p,
        number: n,
        start: (start ?? 0) * 512,
        size: (sectors ?? 0) * 512,
        blockSize,
        type: scheme === 'gpt' ? (GPT_TYPES[rawType] ?? `GPT: ${rawType}`)
          : scheme === 'dos' ? `${MBR_TYPES[mbrType] ?? 'MBR'} (0x${mbrType.toString(16).padStart(2, '0')})`
          : 'Unknown',
        bootable: scheme === 'gpt' ? BOOT_GPT.has(rawType) : scheme === 'dos' ? (flags & 0x80) !== 0 : false,
        primary: scheme === 'gpt' ? true : n >= 1 && n <= 4 && !EXTENDED.has(mbrType),
        mountPoint: mount?.target ?? '',
        fileSystem: mount?.fstype ?? props.get('ID_FS_TYPE') ?? '',
      });
    }
  }
  return out;
}

/** The partition the system booted from: the one holding /boot/efi, /efi or /boot, else /. */
export function bootPartitionName(parts: readonly PartitionInfo[]): string {
  for (const t of ['/boot/efi', '/efi', '/boot', '/']) {
    const hit = parts.find((p) => p.mountPoint === t);
    if (hit) return hit.name;
  }
  return '';
}
