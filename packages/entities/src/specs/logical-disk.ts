import { defineEntity, type ColumnSpec } from '../define-entity.js';

/** Win32_LogicalDisk's columns, filled from a mounted filesystem; Disk declares the same. */
export const LOGICAL_DISK_COLUMNS: readonly ColumnSpec[] = [
  { name: 'DeviceID', type: 'string', doc: "The volume's id (Windows 'C:'; Linux: the mount point, '/')." },
  { name: 'Name', type: 'string', doc: 'The volume\'s name (Linux: the mount point).' },
  { name: 'Caption', type: 'string', doc: 'The same as Name.' },
  { name: 'Description', type: 'string', doc: "What kind of volume: 'Local Fixed Disk', 'Removable Disk', 'Network Connection', 'CD-ROM Disc', 'RAM Disk' (tmpfs) or 'Unknown'." },
  { name: 'DriveType', type: 'long', doc: '2 removable, 3 local fixed, 4 network, 5 optical, 6 RAM disk, 0 unknown (Win32_LogicalDisk codes).' },
  { name: 'FileSystem', type: 'string', doc: "The filesystem type ('ext4', 'xfs', 'nfs4', 'tmpfs'…)." },
  { name: 'VolumeName', type: 'string', doc: "The filesystem label (udev's /dev/disk/by-label; '' when none or without udev)." },
  { name: 'VolumeSerialNumber', type: 'string', doc: "The filesystem UUID (udev's /dev/disk/by-uuid; '' when unknown)." },
  { name: 'Size', type: 'long', doc: "Total size in bytes (as WMI reports it; CMPivot's inventory may show MB): blocks × block size, what `df -B1` shows." },
  { name: 'FreeSpace', type: 'long', doc: 'Space available to ordinary users in bytes (`df -B1` avail; root-reserved blocks are not free).' },
  { name: 'Compressed', type: 'bool', doc: 'Whether the volume is compressed as a whole: false on Linux.' },
  { name: 'ProviderName', type: 'string', doc: "For network volumes, the remote source ('server:/export', '//server/share'); '' otherwise." },
  { name: 'SystemName', type: 'string', doc: 'The host name of the device the volume belongs to.' },
  { name: 'Source', type: 'string', doc: "Linux: the mount source ('/dev/sda1', 'tmpfs', 'server:/export')." },
  { name: 'BlockDevice', type: 'string', doc: "Linux: the kernel name of the block device behind it ('sda1', 'nvme0n1p2', 'dm-0'), '' when none." },
  { name: 'ReadOnly', type: 'bool', doc: 'Linux: true when mounted read-only.' },
  { name: 'UsedSpace', type: 'long', doc: 'Linux: space in use in bytes (`df` used: total minus free blocks, reserved included).' },
];

export const LogicalDisk = defineEntity({
  name: 'LogicalDisk',
  description: 'Mounted filesystems with storage, one row each, as df lists them (pseudo filesystems left out; a filesystem mounted twice shows once). Sizes in bytes.',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: LOGICAL_DISK_COLUMNS,
  examples: [
    'LogicalDisk | project DeviceID, Name, Description, FileSystem, Size, FreeSpace',
    'LogicalDisk | summarize sum(FreeSpace) by Device',
    "LogicalDisk | where FileSystem == 'ext4' and FreeSpace < 5000000000 | project Name, FreeSpace, VolumeName",
  ],
});
