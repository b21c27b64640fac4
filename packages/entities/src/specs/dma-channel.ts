import { defineEntity } from '../define-entity.js';

export const DMAChannel = defineEntity({
  name: 'DMAChannel',
  description: 'DMA Channel: the WMI class Win32_DMAChannel in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DMAChannel', type: 'long', doc: 'Dma channel (Win32_DMAChannel.DMAChannel).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Port', type: 'long', doc: 'Port (Win32_DMAChannel.Port).' },
    { name: 'MaxTransferSize', type: 'long', doc: 'Max transfer size (Win32_DMAChannel.MaxTransferSize), in bytes.' },
    { name: 'Availability', type: 'long', doc: 'WMI availability code: 3 running/full power, 7 power off, 8 offline…' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'DMAChannel | project DMAChannel, Name, Port, MaxTransferSize',
    'DMAChannel | summarize count() by Status',
  ],
});
