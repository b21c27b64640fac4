import { describe, expect, it } from 'vitest';
import { LogicalDisk } from '../../../../entities/src/specs/logical-disk.js';
import { Disk } from '../../../../entities/src/specs/disk.js';
import { logicalDiskProvider } from './logical-disk.js';
import { diskProvider } from './disk.js';
import { collectRows, exampleProblems, runTool, schemaProblems, testContext } from './util/hw-test-kit.js';
import { parseMountinfo } from './util/hw-mounts.js';
import { ProviderError } from '../provider.js';

interface DfRow { source: string; target: string; fstype: string; size: number; avail: number }

async function df(): Promise<DfRow[]> {
  const out = await runTool('df', ['-B1', '--output=source,target,fstype,size,avail'], { ...process.env, LC_ALL: 'C' });
  return out.trim().split('\n').slice(1).map((l) => {
    const f = l.trim().split(/\s+/);
    return { source: f[0]!, target: f[1]!, fstype: f[2]!, size: Number(f[3]), avail: Number(f[4]) };
  });
}

/** Free space moves while the two reads run; 64 MB or 1 % covers a busy build directory. */
const near = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(64 * 1024 * 1024, b / 100);

describe('LogicalDisk and Disk on Linux', () => {
  it('match the schema, and the examples bind', async () => {
    expect(exampleProblems(LogicalDisk)).toEqual([]);
    expect(exampleProblems(Disk)).toEqual([]);
    expect(schemaProblems(LogicalDisk, await collectRows(logicalDiskProvider))).toEqual([]);
    expect(schemaProblems(Disk, await collectRows(diskProvider))).toEqual([]);
  });

  it('LogicalDisk lists the mount points df lists, with its sizes in bytes', async () => {
    const [rows, dfRows] = await Promise.all([collectRows(logicalDiskProvider), df()]);
    console.log(`LogicalDisk: ${rows.length} rows; df: ${dfRows.length} lines`);
    expect(rows.map((r) => r['Name']).sort()).toEqual(dfRows.map((d) => d.target).sort());
    for (const d of dfRows) {
      const r = rows.find((x) => x['Name'] === d.target)!;
      expect(r['FileSystem']).toBe(d.fstype);
      expect(r['Source']).toBe(d.source);
      expect(near(r['Size'] as number, d.size)).toBe(true);
      expect(near(r['FreeSpace'] as number, d.avail)).toBe(true);
    }
  });

  it('Disk is the local-storage part: df rows backed by a device node, none of them tmpfs', async () => {
    const [rows, dfRows] = await Promise.all([collectRows(diskProvider), df()]);
    const local = dfRows.filter((d) => d.source.startsWith('/dev/'));
    console.log(`Disk: ${rows.length} rows; df rows on /dev/ devices: ${local.length}`);
    for (const d of local) expect(rows.map((r) => r['Name'])).toContain(d.target);
    for (const r of rows) expect([2, 3, 5]).toContain(r['DriveType']);
    // the block devices named are the ones lsblk knows
    const lsblk = JSON.parse(await runTool('lsblk', ['-b', '-J', '-o', 'NAME'])) as { blockdevices: { name: string; children?: { name: string }[] }[] };
    const names = new Set(lsblk.blockdevices.flatMap((b) => [b.name, ...(b.children ?? []).map((c) => c.name)]));
    for (const r of rows) if (r['BlockDevice'] !== '') expect(names.has(r['BlockDevice'] as string)).toBe(true);
  });

  it('reads mountinfo escapes', () => {
    const m = parseMountinfo('40 27 8:1 / /mnt/my\\040disk rw,relatime shared:1 - ext4 /dev/sda1 rw\n');
    expect(m).toEqual([{ majMin: '8:1', target: '/mnt/my disk', options: 'rw,relatime', fstype: 'ext4', source: '/dev/sda1' }]);
  });

  it('stop at once when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    for (const p of [logicalDiskProvider, diskProvider]) await expect(collectRows(p, testContext(ac.signal))).rejects.toBeInstanceOf(ProviderError);
  });
});
