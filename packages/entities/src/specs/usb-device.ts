import { defineEntity } from '../define-entity.js';

export const USBDevice = defineEntity({
  name: 'USBDevice',
  description: 'USB Device: the WMI class Win32_USBDevice in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Caption', type: 'string', doc: 'A short description (WMI Caption).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'ClassGuid', type: 'string', doc: 'Class GUID (Win32_USBDevice.ClassGuid).' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'Service', type: 'string', doc: 'Service (Win32_USBDevice.Service).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'USBDevice | where Name contains \'Storage\' | project Name, Manufacturer, PNPDeviceID',
    'USBDevice | summarize count() by Manufacturer',
  ],
});
