import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { linuxProvider } from './util/hw-read.js';
import { readVolumes } from './util/hw-mounts.js';
import { mountinfo, volumeRow } from './logical-disk.js';

/** Disk drive types: local storage only (removable, fixed, optical), not network shares or RAM disks. */
const LOCAL = new Set([2, 3, 5]);

/** Disk: the local-storage subset of LogicalDisk, as CMPivot's Disk is of Win32_LogicalDisk. */
export const diskProvider: Provider = linuxProvider('Disk', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  const volumes = await readVolumes('Disk', ctx.signal, await mountinfo('Disk', ctx.signal));
  for (const v of volumes) if (LOCAL.has(v.driveType)) yield volumeRow(v);
});
