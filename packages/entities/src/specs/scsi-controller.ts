import { defineEntity } from '../define-entity.js';

export const SCSIController = defineEntity({
  name: 'SCSIController',
  description: 'SCSI Controller: the WMI class Win32_SCSIController in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'DriverName', type: 'string', doc: 'Driver name (Win32_SCSIController.DriverName).' },
    { name: 'HardwareVersion', type: 'string', doc: 'Hardware version (Win32_SCSIController.HardwareVersion).' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'SCSIController | project DeviceID, Name, Manufacturer, DriverName',
    'SCSIController | summarize count() by DeviceID',
  ],
});
