import { defineEntity } from '../define-entity.js';

export const Processor = defineEntity({
  name: 'Processor',
  description: 'One row per physical processor package (socket): model, maker, cores, threads, clock, cache and load.',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: "The processor's model name ('AMD EPYC 7B13', 'Intel(R) Xeon(R) …')." },
    { name: 'Manufacturer', type: 'string', doc: "The maker as the CPU reports it ('GenuineIntel', 'AuthenticAMD'; on ARM the implementer's name)." },
    { name: 'DeviceID', type: 'string', doc: "The socket's id: 'CPU0', 'CPU1', …" },
    { name: 'MaxClockSpeed', type: 'long', doc: 'The highest clock speed in MHz (cpufreq maximum; else the clock cpuinfo reports).' },
    { name: 'CurrentClockSpeed', type: 'long', doc: 'The current clock speed in MHz, averaged over the socket\'s logical processors.' },
    { name: 'NumberOfCores', type: 'long', doc: 'Physical cores in the package.' },
    { name: 'NumberOfLogicalProcessors', type: 'long', doc: 'Online logical processors (hardware threads) in the package.' },
    { name: 'LoadPercentage', type: 'long', doc: "Busy time of the package's logical processors, in percent: since the device's previous Processor query when that was less than 5 minutes ago (the value it reported when that was under 20 ms ago), otherwise over a 20 ms sample. Windows reports the load over its last second." },
    { name: 'Architecture', type: 'long', doc: "Windows' code: 0 x86, 5 ARM, 9 x64, 12 ARM64, 3 PowerPC; null for others." },
    { name: 'AddressWidth', type: 'long', doc: 'The operating system\'s address width in bits (64 or 32).' },
    { name: 'Is64Bit', type: 'bool', doc: 'True when the processor can run 64-bit code.' },
    { name: 'IsHyperthreadEnabled', type: 'bool', doc: 'True when a core runs more than one hardware thread (SMT).' },
    { name: 'IsVitualizationCapable', type: 'bool', doc: "True when the CPU offers hardware virtualisation (vmx/svm); null where the flags don't say (the column keeps CMPivot's spelling)." },
    { name: 'L2CacheSize', type: 'long', doc: 'Level 2 cache of the package in KB, distinct caches summed.' },
    { name: 'ProcessorId', type: 'string', doc: "Windows' CPUID-derived id; '' on Linux, where reading CPUID needs a kernel module." },
    { name: 'L3CacheSize', type: 'long', doc: 'Level 3 cache of the package in KB, distinct caches summed (null when none).' },
  ],
  examples: [
    'Processor | project Name, NumberOfCores, NumberOfLogicalProcessors, MaxClockSpeed',
    'Processor | where LoadPercentage > 80 | project DeviceID, Name, LoadPercentage',
    'Processor | summarize count() by Manufacturer, Name',
  ],
});
