import { defineEntity } from '../define-entity.js';

export const USBController = defineEntity({
  name: 'USBController',
  description: 'USB Controller: the WMI class Win32_USBController in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'USBController | project DeviceID, Name, Manufacturer, PNPDeviceID',
    'USBController | summarize count() by DeviceID',
  ],
});
