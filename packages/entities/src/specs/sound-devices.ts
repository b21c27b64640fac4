import { defineEntity } from '../define-entity.js';

export const SoundDevices = defineEntity({
  name: 'SoundDevices',
  description: 'Sound Devices: the WMI class Win32_SoundDevice in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'ProductName', type: 'string', doc: 'The product name.' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'StatusInfo', type: 'long', doc: 'Status info (Win32_SoundDevice.StatusInfo).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'SoundDevices | project DeviceID, Name, Manufacturer, ProductName',
    'SoundDevices | summarize count() by DeviceID',
  ],
});
