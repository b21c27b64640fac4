import { defineEntity } from '../define-entity.js';

export const LoadOrderGroup = defineEntity({
  name: 'LoadOrderGroup',
  description: 'Load Order Group: the WMI class Win32_LoadOrderGroup in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'GroupOrder', type: 'long', doc: 'Group order (Win32_LoadOrderGroup.GroupOrder).' },
    { name: 'DriverEnabled', type: 'bool', doc: 'Driver enabled: true or false (Win32_LoadOrderGroup.DriverEnabled).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'LoadOrderGroup | project Name, GroupOrder, DriverEnabled, Description',
    'LoadOrderGroup | where DriverEnabled == true | project Device, Name, GroupOrder',
  ],
});
