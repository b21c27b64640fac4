import { realpath, statfs } from 'node:fs/promises';
import { basename } from 'node:path';
import { linkTarget, listDir, readAttr, untilAborted, checkAborted } from './hw-read.js';

/** One line of /proc/self/mountinfo. */
export interface MountEntry {
  readonly majMin: string;
  readonly target: string;
  readonly options: string;
  readonly fstype: string;
  readonly source: string;
}

/** Octal escapes (\040 space, \011 tab, \012 newline, \134 backslash) as the kernel writes them. */
function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

export function parseMountinfo(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(' ');
    const dash = f.indexOf('-', 6);
    if (dash < 0 || f.length < dash + 3) continue;
    out.push({ majMin: f[2]!, target: unescapeMount(f[4]!), options: f[5]!, fstype: f[dash + 1]!, source: unescapeMount(f[dash + 2]!) });
  }
  return out;
}

/** Kernel interfaces that hold no data; never statfs'd. */
const PSEUDO = new Set(['proc', 'sysfs', 'cgroup', 'cgroup2', 'devpts', 'securityfs', 'debugfs', 'tracefs', 'pstore', 'bpf', 'mqueue',
  'hugetlbfs', 'configfs', 'fusectl', 'binfmt_misc', 'autofs', 'rpc_pipefs', 'nsfs', 'efivarfs', 'selinuxfs', 'nfsd']);
const NETWORK = /^(nfs|nfs4|cifs|smb3|smbfs|ncpfs|afs|9p|ceph|glusterfs|lustre|davfs|fuse\.(sshfs|s3fs|rclone|glusterfs|davfs2|gcsfuse|juicefs)|fuse\.ceph.*)$/;
const RAM = new Set(['tmpfs', 'ramfs', 'devtmpfs']);
const OPTICAL = new Set(['iso9660', 'udf']);

/** Win32_LogicalDisk's DriveType codes and their descriptions. */
export const DRIVE_DESCRIPTION: Readonly<Record<number, string>> = {
  0: 'Unknown', 2: 'Removable Disk', 3: 'Local Fixed Disk', 4: 'Network Connection', 5: 'CD-ROM Disc', 6: 'RAM Disk',
};

export interface Volume {
  readonly mount: MountEntry;
  readonly blockDevice: string;
  readonly driveType: number;
  readonly size: number;
  readonly free: number;
  readonly used: number;
  readonly label: string;
  readonly uuid: string;
}

/** The kernel name of the block device behind a mount ('' for overlay, tmpfs, network…). */
async function blockDeviceOf(m: MountEntry, signal: AbortSignal): Promise<{ name: string; removable: boolean }> {
  let target = await linkTarget(`/sys/dev/block/${m.majMin}`);
  if (target === null && m.source.startsWith('/dev/')) {
    try {
      const name = basename(await realpath(m.source));
      target = await linkTarget(`/sys/class/block/${name}`);
    } catch {
      // not a device node (btrfs subvolumes report a virtual 0:N)
    }
  }
  if (target === null) return { name: '', removable: false };
  const parts = target.split('/');
  const name = parts[parts.length - 1]!;
  const parent = parts[parts.length - 2]!;
  const disk = parent === 'block' ? name : parent;
  const removable = (await readAttr(`/sys/block/${disk}/removable`, signal)) === '1';
  return { name, removable: removable || /^sr\d+$/.test(disk) };
}

function driveType(m: MountEntry, dev: { name: string; removable: boolean }): number {
  if (NETWORK.test(m.fstype)) return 4;
  if (RAM.has(m.fstype)) return 6;
  if (OPTICAL.has(m.fstype) || /^sr\d+$/.test(dev.name)) return 5;
  if (dev.removable) return 2;
  return 3;
}

/** udev's /dev/disk/by-label and by-uuid, inverted: device name → label / uuid ('\x20' decoded). */
async function udevNames(kind: 'by-label' | 'by-uuid'): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const dir = `/dev/disk/${kind}`;
  for (const n of await listDir(dir)) {
    const t = await linkTarget(`${dir}/${n}`);
    if (t !== null) out.set(basename(t), n.replace(/\\x([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  }
  return out;
}

/**
 * Mounted filesystems the way df lists them: pseudo filesystems and ones with no blocks left out,
 * an over-mounted target shows its top mount, and a filesystem mounted twice (bind mounts) appears
 * once, at its shortest mount point — so sums of Size or FreeSpace count each filesystem once.
 */
export async function readVolumes(entity: string, signal: AbortSignal, text: string): Promise<Volume[]> {
  const byTarget = new Map<string, MountEntry>();
  for (const m of parseMountinfo(text)) {
    if (PSEUDO.has(m.fstype)) { byTarget.delete(m.target); continue; }
    byTarget.delete(m.target);
    byTarget.set(m.target, m);
  }
  const byDevice = new Map<string, MountEntry>();
  for (const m of byTarget.values()) {
    const seen = byDevice.get(m.majMin);
    if (!seen || m.target.length < seen.target.length) byDevice.set(m.majMin, m);
  }
  const [labels, uuids] = await Promise.all([udevNames('by-label'), udevNames('by-uuid')]);
  const out: Volume[] = [];
  for (const m of [...byDevice.values()].sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0))) {
    checkAborted(signal, entity);
    let st;
    try {
      st = await untilAborted(statfs(m.target, { bigint: true }), signal, entity);
    } catch (e) {
      if (signal.aborted) throw e;
      continue; // gone since mountinfo was read, or not ours to see
    }
    if (st.blocks === 0n) continue;
    const dev = await blockDeviceOf(m, signal);
    const bs = st.bsize;
    out.push({
      mount: m,
      blockDevice: dev.name,
      driveType: driveType(m, dev),
      size: Number(st.blocks * bs),
      free: Number(st.bavail * bs),
      used: Number((st.blocks - st.bfree) * bs),
      label: labels.get(dev.name) ?? '',
      uuid: uuids.get(dev.name) ?? '',
    });
  }
  return out;
}
