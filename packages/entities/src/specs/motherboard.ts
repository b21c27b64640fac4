import { defineEntity } from '../define-entity.js';

export const Motherboard = defineEntity({
  name: 'Motherboard',
  description: 'Motherboard: the WMI class Win32_MotherboardDevice in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'PrimaryBusType', type: 'string', doc: 'Primary bus type (Win32_MotherboardDevice.PrimaryBusType).' },
    { name: 'SecondaryBusType', type: 'string', doc: 'Secondary bus type (Win32_MotherboardDevice.SecondaryBusType).' },
    { name: 'RevisionNumber', type: 'string', doc: 'Revision number (Win32_MotherboardDevice.RevisionNumber).' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'Motherboard | project DeviceID, Name, PrimaryBusType, SecondaryBusType',
    'Motherboard | summarize count() by DeviceID',
  ],
});
