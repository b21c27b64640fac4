import { defineEntity } from '../define-entity.js';

export const VideoController = defineEntity({
  name: 'VideoController',
  description: 'Video Controller: the WMI class Win32_VideoController in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'AdapterCompatibility', type: 'string', doc: 'Adapter compatibility (Win32_VideoController.AdapterCompatibility).' },
    { name: 'VideoProcessor', type: 'string', doc: 'Video processor (Win32_VideoController.VideoProcessor).' },
    { name: 'DriverVersion', type: 'string', doc: 'The driver version.' },
    { name: 'DriverDate', type: 'datetime', doc: 'Driver date (Win32_VideoController.DriverDate) (UTC).' },
    { name: 'AdapterRAM', type: 'long', doc: 'Adapter ram (Win32_VideoController.AdapterRAM): WMI bytes; CMPivot unit unverified.' },
    { name: 'CurrentHorizontalResolution', type: 'long', doc: 'Current horizontal resolution (Win32_VideoController.CurrentHorizontalResolution), in pixels.' },
    { name: 'CurrentVerticalResolution', type: 'long', doc: 'Current vertical resolution (Win32_VideoController.CurrentVerticalResolution), in pixels.' },
    { name: 'CurrentRefreshRate', type: 'long', doc: 'Current refresh rate (Win32_VideoController.CurrentRefreshRate), in Hz.' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'VideoController | project Name, DriverVersion, DriverDate, CurrentHorizontalResolution, CurrentVerticalResolution',
    'VideoController | summarize count() by AdapterCompatibility',
  ],
});
