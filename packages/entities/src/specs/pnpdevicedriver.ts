import { defineEntity } from '../define-entity.js';

export const PNPDEVICEDRIVER = defineEntity({
  name: 'PNPDEVICEDRIVER',
  description: 'PNP Device Driver: the WMI class Win32_PnPEntity in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Caption', type: 'string', doc: 'A short description (WMI Caption).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'ClassGuid', type: 'string', doc: 'Class GUID (Win32_PnPEntity.ClassGuid).' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'Service', type: 'string', doc: 'Service (Win32_PnPEntity.Service).' },
    { name: 'ConfigManagerErrorCode', type: 'long', doc: 'Config manager error code (Win32_PnPEntity.ConfigManagerErrorCode).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'PNPDEVICEDRIVER | where ConfigManagerErrorCode != 0 | project Name, ConfigManagerErrorCode, PNPDeviceID',
  ],
});
