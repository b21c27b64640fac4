import { defineEntity } from '../define-entity.js';

export const TapeDrive = defineEntity({
  name: 'TapeDrive',
  description: 'Tape Drive: the WMI class Win32_TapeDrive in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'MediaType', type: 'string', doc: 'Media type (Win32_TapeDrive.MediaType).' },
    { name: 'Compression', type: 'long', doc: 'Compression (Win32_TapeDrive.Compression).' },
    { name: 'NeedsCleaning', type: 'bool', doc: 'Needs cleaning: true or false (Win32_TapeDrive.NeedsCleaning).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'TapeDrive | project DeviceID, Name, Manufacturer, MediaType',
    'TapeDrive | where NeedsCleaning == true | project Device, DeviceID, Name',
  ],
});
