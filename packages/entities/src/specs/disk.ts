import { defineEntity } from '../define-entity.js';
import { LOGICAL_DISK_COLUMNS } from './logical-disk.js';

export const Disk = defineEntity({
  name: 'Disk',
  description: 'Local storage volumes: the mounted filesystems on fixed, removable and optical devices (LogicalDisk without network shares and RAM disks), with the columns of Win32_LogicalDisk. Sizes in bytes.',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: LOGICAL_DISK_COLUMNS,
  examples: [
    "Disk | where Description == 'Local Fixed Disk' and FreeSpace < 5000000000",
    'Disk | project Name, FileSystem, Size, FreeSpace, BlockDevice',
    'Disk | summarize sum(Size) by Device',
  ],
});
