import { defineEntity } from '../define-entity.js';

export const SystemBootData = defineEntity({
  name: 'SystemBootData',
  description: 'One row per boot the device remembers: the current boot, measured, and earlier boots from the login records (wtmp), with their start time and kernel. Durations in ms; null where Linux keeps no such figure.',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'SystemStartTime', type: 'long', doc: 'When the system started, in ms since the Unix epoch (a long, as CMPivot declares it; BootTime has it as a datetime).' },
    { name: 'BootDuration', type: 'long', doc: 'From the boot loader to a booted system, in ms (systemd: loader + kernel + initrd + userspace); null without systemd or for earlier boots.' },
    { name: 'EventLogStart', type: 'long', doc: "Windows: ms from boot to the event log's start; null on Linux." },
    { name: 'GPDuration', type: 'long', doc: 'Windows: group policy processing in ms; null on Linux.' },
    { name: 'UpdateDuration', type: 'long', doc: 'Windows: update processing during boot in ms; null on Linux.' },
    { name: 'BiosDuration', type: 'long', doc: 'Time in the firmware in ms (systemd reports it on UEFI machines); null when unknown.' },
    { name: 'BootDiskMediaType', type: 'long', doc: 'Windows: the boot disk media type; null on Linux.' },
    { name: 'OSVersion', type: 'string', doc: 'The kernel release that booted.' },
    { name: 'BootTime', type: 'datetime', doc: 'Linux: when the system started (UTC).' },
    { name: 'KernelDuration', type: 'long', doc: 'Linux: from kernel start to the first process (PID 1) in ms; null for earlier boots.' },
    { name: 'InitrdDuration', type: 'long', doc: 'Linux: time in the initial RAM disk in ms (systemd); null when unknown.' },
    { name: 'UserspaceDuration', type: 'long', doc: 'Linux: from PID 1 to a booted system in ms (systemd); null when unknown.' },
    { name: 'IsCurrentBoot', type: 'bool', doc: 'Linux: true for the boot the system is running now.' },
  ],
  examples: [
    'SystemBootData | project SystemStartTime, BootDuration, EventLogStart, GPDuration, UpdateDuration | order by SystemStartTime desc',
    'SystemBootData | where IsCurrentBoot == true | project BootTime, KernelDuration, BootDuration',
    'SystemBootData | summarize count() by OSVersion',
  ],
});
