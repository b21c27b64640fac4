import { defineEntity } from '../define-entity.js';

export const Partition = defineEntity({
  name: 'Partition',
  description: 'Disk partitions, one row each (Win32_DiskPartition on Windows; /sys/block on Linux). Sizes in bytes.',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: "'Disk #0, Partition #1', as Windows names it." },
    { name: 'Name', type: 'string', doc: 'The same as DeviceID.' },
    { name: 'DiskIndex', type: 'long', doc: 'The disk\'s number: its place among the disks in name order, from 0 (loop devices without partitions and RAM disks not counted).' },
    { name: 'Index', type: 'long', doc: 'The partition\'s number on its disk, from 0 (Linux partition number − 1).' },
    { name: 'Type', type: 'string', doc: "The partition type: 'GPT: System', 'GPT: Basic Data', 'GPT: Linux Filesystem', 'Linux (0x83)'…; 'Unknown' without udev's partition data." },
    { name: 'Bootable', type: 'bool', doc: 'True for an MBR partition flagged active, or a GPT EFI System / BIOS boot partition.' },
    { name: 'BootPartition', type: 'bool', doc: 'True for the partition the system booted from (holds /boot/efi, /efi or /boot, else /).' },
    { name: 'PrimaryPartition', type: 'bool', doc: 'True for a primary partition (every GPT partition; MBR partitions 1–4 that are not extended).' },
    { name: 'Size', type: 'long', doc: 'Size in bytes (as WMI reports it; CMPivot\'s inventory may show MB).' },
    { name: 'StartingOffset', type: 'long', doc: 'Where the partition starts on the disk, in bytes.' },
    { name: 'BlockSize', type: 'long', doc: "The disk's logical block size in bytes." },
    { name: 'NumberOfBlocks', type: 'long', doc: 'Size in blocks of BlockSize.' },
    { name: 'DiskName', type: 'string', doc: "Linux: the disk's kernel name ('sda', 'nvme0n1')." },
    { name: 'PartitionName', type: 'string', doc: "Linux: the partition's kernel name ('sda1', 'nvme0n1p1'), as lsblk shows it." },
    { name: 'MountPoint', type: 'string', doc: "Linux: where the partition is mounted ('' when not; the shortest when several)." },
    { name: 'FileSystem', type: 'string', doc: "Linux: the filesystem type when mounted or known to udev ('ext4', 'vfat'), else ''." },
  ],
  examples: [
    'Partition | project DeviceID, Type, Size, MountPoint',
    'Partition | where BootPartition == true | project DiskName, PartitionName, Type',
    'Partition | summarize sum(Size) by DiskIndex',
  ],
});
