import { defineEntity } from '../define-entity.js';

export const CDROM = defineEntity({
  name: 'CDROM',
  description: 'CDROM Drive: the WMI class Win32_CDROMDrive in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Drive', type: 'string', doc: 'Drive (Win32_CDROMDrive.Drive).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'MediaType', type: 'string', doc: 'Media type (Win32_CDROMDrive.MediaType).' },
    { name: 'MediaLoaded', type: 'bool', doc: 'Media loaded: true or false (Win32_CDROMDrive.MediaLoaded).' },
    { name: 'VolumeName', type: 'string', doc: 'Volume name (Win32_CDROMDrive.VolumeName).' },
    { name: 'Size', type: 'long', doc: 'Size (Win32_CDROMDrive.Size), in bytes.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'CDROM | project DeviceID, Drive, Name, Manufacturer',
    'CDROM | where MediaLoaded == true | project Device, DeviceID, Drive',
  ],
});
