import { defineEntity } from '../define-entity.js';

export const DriverVxD = defineEntity({
  name: 'DriverVxD',
  description: 'Driver - VxD: the WMI class Win32_DriverVXD in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Version', type: 'string', doc: 'The version.' },
    { name: 'BuildNumber', type: 'string', doc: 'Build number (Win32_DriverVXD.BuildNumber).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'DriverVxD | project Name, Version, BuildNumber, Description',
    'DriverVxD | summarize count() by Version',
  ],
});
