import { hostname } from 'node:os';
import { ProviderError, type Provider, type ProviderContext, type ProviderRow } from '../provider.js';
import { linuxProvider, readText } from './util/hw-read.js';
import { DRIVE_DESCRIPTION, readVolumes, type Volume } from './util/hw-mounts.js';

/** A Win32_LogicalDisk-shaped row for a mounted filesystem; Disk and LogicalDisk share it. */
export function volumeRow(v: Volume): ProviderRow {
  const m = v.mount;
  return {
    DeviceID: m.target,
    Name: m.target,
    Caption: m.target,
    Description: DRIVE_DESCRIPTION[v.driveType] ?? 'Unknown',
    DriveType: v.driveType,
    FileSystem: m.fstype,
    VolumeName: v.label,
    VolumeSerialNumber: v.uuid,
    Size: v.size,
    FreeSpace: v.free,
    Compressed: false,
    ProviderName: v.driveType === 4 ? m.source : '',
    SystemName: hostname(),
    Source: m.source,
    BlockDevice: v.blockDevice,
    ReadOnly: m.options.split(',').includes('ro'),
    UsedSpace: v.used,
  };
}

export async function mountinfo(entity: string, signal: AbortSignal): Promise<string> {
  const text = await readText('/proc/self/mountinfo', signal);
  if (text === null) throw new ProviderError(`${entity}: /proc/self/mountinfo is not readable`);
  return text;
}

/** LogicalDisk: every mounted filesystem with storage, as df lists them. Sizes in bytes. */
export const logicalDiskProvider: Provider = linuxProvider('LogicalDisk', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  const volumes = await readVolumes('LogicalDisk', ctx.signal, await mountinfo('LogicalDisk', ctx.signal));
  for (const v of volumes) yield volumeRow(v);
});
