import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { linuxProvider } from './util/hw-read.js';
import { bootPartitionName, readPartitions, type PartitionInfo } from './util/hw-block.js';
import { mountinfo } from './logical-disk.js';

export function partitionRows(parts: readonly PartitionInfo[]): ProviderRow[] {
  const boot = bootPartitionName(parts);
  return parts.map((p) => {
    const id = `Disk #${p.diskIndex}, Partition #${p.number - 1}`;
    return {
      DeviceID: id,
      Name: id,
      DiskIndex: p.diskIndex,
      Index: p.number - 1,
      Type: p.type,
      Bootable: p.bootable,
      BootPartition: p.name === boot,
      PrimaryPartition: p.primary,
      Size: p.size,
      StartingOffset: p.start,
      BlockSize: p.blockSize,
      NumberOfBlocks: Math.floor(p.size / p.blockSize),
      DiskName: p.diskName,
      PartitionName: p.name,
      MountPoint: p.mountPoint,
      FileSystem: p.fileSystem,
    };
  });
}

/** Partition: the partitions under /sys/block, typed from udev's database where udev runs. */
export const partitionProvider: Provider = linuxProvider('Partition', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  const parts = await readPartitions('Partition', ctx.signal, await mountinfo('Partition', ctx.signal));
  yield* partitionRows(parts);
});
