import { defineEntity } from '../define-entity.js';

export const PointingDevice = defineEntity({
  name: 'PointingDevice',
  description: 'Pointing Device: the WMI class Win32_PointingDevice in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'HardwareType', type: 'string', doc: 'Hardware type (Win32_PointingDevice.HardwareType).' },
    { name: 'NumberOfButtons', type: 'long', doc: 'Number of buttons (Win32_PointingDevice.NumberOfButtons).' },
    { name: 'PointingType', type: 'long', doc: 'Pointing type (Win32_PointingDevice.PointingType).' },
    { name: 'DeviceInterface', type: 'long', doc: 'Device interface (Win32_PointingDevice.DeviceInterface).' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'PointingDevice | project DeviceID, Name, Manufacturer, HardwareType',
    'PointingDevice | summarize count() by DeviceID',
  ],
});
