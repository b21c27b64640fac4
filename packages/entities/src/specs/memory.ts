import { defineEntity } from '../define-entity.js';

export const Memory = defineEntity({
  name: 'Memory',
  description: "The device's memory configuration (CCM_LogicalMemoryConfiguration on Windows; /proc/meminfo on Linux). One row. Sizes are in KB (KiB), as the Windows class keeps them.",
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: "'LogicalMemoryConfiguration', as Windows names its single instance." },
    { name: 'TotalPhysicalMemory', type: 'long', doc: 'Physical memory the OS can use, in KB (MemTotal).' },
    { name: 'TotalVirtualMemory', type: 'long', doc: 'Physical memory plus swap, in KB (MemTotal + SwapTotal).' },
    { name: 'AvailableVirtualMemory', type: 'long', doc: 'Memory available for new work plus free swap, in KB (MemAvailable + SwapFree).' },
    { name: 'TotalPageFileSpace', type: 'long', doc: 'Swap space, in KB (SwapTotal; Linux swap plays the page file\'s part).' },
    { name: 'AvailablePhysicalMemory', type: 'long', doc: 'Linux: memory available for new work without swapping, in KB (MemAvailable; `free`\'s available).' },
    { name: 'FreePhysicalMemory', type: 'long', doc: 'Linux: memory not in use at all, in KB (MemFree; caches count as used).' },
    { name: 'FreePageFileSpace', type: 'long', doc: 'Linux: free swap, in KB (SwapFree).' },
    { name: 'CachedMemory', type: 'long', doc: 'Linux: page cache and reclaimable slab, in KB (Buffers + Cached + SReclaimable; `free`\'s buff/cache).' },
  ],
  examples: [
    'Memory | project TotalPhysicalMemory, AvailablePhysicalMemory, TotalPageFileSpace',
    'Memory | where TotalPhysicalMemory < 8388608 | project TotalPhysicalMemory',
    'Memory | summarize count() by TotalPhysicalMemory',
  ],
});
