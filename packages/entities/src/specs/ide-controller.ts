import { defineEntity } from '../define-entity.js';

export const IDEController = defineEntity({
  name: 'IDEController',
  description: 'IDE Controller: the WMI class Win32_IDEController in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'Availability', type: 'long', doc: 'WMI availability code: 3 running/full power, 7 power off, 8 offline…' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'IDEController | project DeviceID, Name, Manufacturer, PNPDeviceID',
    'IDEController | summarize count() by DeviceID',
  ],
});
