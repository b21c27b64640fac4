import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Partition } from '../../../../entities/src/specs/partition.js';
import { partitionProvider, partitionRows } from './partition.js';
import { collectRows, exampleProblems, runTool, schemaProblems, testContext } from './util/hw-test-kit.js';
import { readPartitions } from './util/hw-block.js';
import { ProviderError } from '../provider.js';

interface LsblkDev { name: string; type: string; size: number; children?: LsblkDev[] }

const tmp = mkdtempSync(join(tmpdir(), 'hw-part-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function put(path: string, text: string): void {
  mkdirSync(join(tmp, path, '..'), { recursive: true });
  writeFileSync(join(tmp, path), text + '\n');
}

describe('Partition on Linux', () => {
  it('matches the schema, and the examples bind', async () => {
    expect(exampleProblems(Partition)).toEqual([]);
    expect(schemaProblems(Partition, await collectRows(partitionProvider))).toEqual([]);
  });

  it('lists the partitions lsblk lists, with their sizes in bytes', async () => {
    const rows = await collectRows(partitionProvider);
    const tree = JSON.parse(await runTool('lsblk', ['-b', '-J', '-o', 'NAME,TYPE,SIZE'])) as { blockdevices: LsblkDev[] };
    const parts = tree.blockdevices.flatMap((d) => (d.children ?? []).filter((c) => c.type === 'part').map((c) => ({ disk: d.name, ...c })));
    console.log(`Partition: ${rows.length} rows; lsblk partitions: ${parts.length}${parts.length === 0 ? ' (this VM uses whole disks: the decoding is checked on a built sysfs tree)' : ''}`);
    expect(rows.map((r) => r['PartitionName']).sort()).toEqual(parts.map((p) => p.name).sort());
    for (const p of parts) {
      const r = rows.find((x) => x['PartitionName'] === p.name)!;
      expect(r['Size']).toBe(p.size);
      expect(r['DiskName']).toBe(p.disk);
    }
  });

  it('decodes a sysfs tree with udev data: GPT and MBR disks, boot partition, mounts', async () => {
    put('sys/block/sda/size', '1000000'); put('sys/block/sda/queue/logical_block_size', '512');
    put('sys/block/sda/sda1/partition', '1'); put('sys/block/sda/sda1/start', '2048'); put('sys/block/sda/sda1/size', '1048576'); put('sys/block/sda/sda1/dev', '8:1');
    put('sys/block/sda/sda2/partition', '2'); put('sys/block/sda/sda2/start', '1050624'); put('sys/block/sda/sda2/size', '800000'); put('sys/block/sda/sda2/dev', '8:2');
    put('sys/block/loop0/size', '0');
    put('sys/block/vdb/size', '2000'); put('sys/block/vdb/queue/logical_block_size', '4096');
    put('sys/block/vdb/vdb5/partition', '5'); put('sys/block/vdb/vdb5/start', '64'); put('sys/block/vdb/vdb5/size', '512'); put('sys/block/vdb/vdb5/dev', '252:5');
    put('udev/b8:1', 'E:ID_PART_ENTRY_SCHEME=gpt\nE:ID_PART_ENTRY_TYPE=C12A7328-F81F-11D2-BA4B-00A0C93EC93B\nE:ID_FS_TYPE=vfat');
    put('udev/b8:2', 'E:ID_PART_ENTRY_SCHEME=gpt\nE:ID_PART_ENTRY_TYPE=0fc63daf-8483-4772-8e79-3d69d8477de4');
    put('udev/b252:5', 'E:ID_PART_ENTRY_SCHEME=dos\nE:ID_PART_ENTRY_TYPE=0x83\nE:ID_PART_ENTRY_FLAGS=0x80');
    const mi = '30 1 8:2 / / rw - ext4 /dev/sda2 rw\n31 30 8:1 / /boot/efi rw - vfat /dev/sda1 rw\n';
    const rows = partitionRows(await readPartitions('Partition', new AbortController().signal, mi, join(tmp, 'sys'), join(tmp, 'udev')));
    expect(rows).toEqual([
      expect.objectContaining({ DeviceID: 'Disk #0, Partition #0', DiskIndex: 0, Index: 0, Type: 'GPT: System', Bootable: true, BootPartition: true, PrimaryPartition: true, Size: 536870912, StartingOffset: 1048576, NumberOfBlocks: 1048576, MountPoint: '/boot/efi', FileSystem: 'vfat' }),
      expect.objectContaining({ DeviceID: 'Disk #0, Partition #1', Type: 'GPT: Linux Filesystem', Bootable: false, BootPartition: false, MountPoint: '/', FileSystem: 'ext4' }),
      expect.objectContaining({ DeviceID: 'Disk #1, Partition #4', DiskName: 'vdb', Type: 'Linux (0x83)', Bootable: true, PrimaryPartition: false, BlockSize: 4096, Size: 262144, NumberOfBlocks: 64 }),
    ]);
  });

  it('stops at once when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(collectRows(partitionProvider, testContext(ac.signal))).rejects.toBeInstanceOf(ProviderError);
  });
});
