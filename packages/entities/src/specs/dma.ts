import { defineEntity } from '../define-entity.js';

export const DMA = defineEntity({
  name: 'DMA',
  description: 'DMA: the WMI class Win32_DeviceMemoryAddress in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'StartingAddress', type: 'long', doc: 'The first address of the range.' },
    { name: 'EndingAddress', type: 'long', doc: 'The last address of the range.' },
    { name: 'MemoryType', type: 'string', doc: 'Memory type (Win32_DeviceMemoryAddress.MemoryType).' },
    { name: 'Caption', type: 'string', doc: 'A short description (WMI Caption).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'DMA | project Name, StartingAddress, EndingAddress, MemoryType',
    'DMA | summarize count() by MemoryType',
  ],
});
