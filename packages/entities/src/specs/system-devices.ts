import { defineEntity } from '../define-entity.js';

export const SystemDevices = defineEntity({
  name: 'SystemDevices',
  description: 'System Devices: the WMI class CCM_SystemDevices in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'IsPnP', type: 'bool', doc: 'Is pn p: true or false (CCM_SystemDevices.IsPnP): CompatibleIDs/HardwareIDs are arrays → not exposed.' },
  ],
  examples: [
    'SystemDevices | project Name, DeviceID, IsPnP',
    'SystemDevices | where IsPnP == true | project Device, Name, DeviceID',
  ],
});
