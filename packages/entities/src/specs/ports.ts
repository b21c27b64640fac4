import { defineEntity } from '../define-entity.js';

export const Ports = defineEntity({
  name: 'Ports',
  description: 'Ports: the WMI class Win32_PortResource in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'StartingAddress', type: 'long', doc: 'The first address of the range.' },
    { name: 'EndingAddress', type: 'long', doc: 'The last address of the range.' },
    { name: 'Alias', type: 'bool', doc: 'Alias: true or false (Win32_PortResource.Alias).' },
    { name: 'Caption', type: 'string', doc: 'A short description (WMI Caption).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'Ports | project Name, StartingAddress, EndingAddress, Alias',
    'Ports | where Alias == true | project Device, Name, StartingAddress',
  ],
});
