import { defineEntity } from '../define-entity.js';

export const DesktopMonitor = defineEntity({
  name: 'DesktopMonitor',
  description: 'Desktop Monitor: the WMI class Win32_DesktopMonitor in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'MonitorManufacturer', type: 'string', doc: 'Monitor manufacturer (Win32_DesktopMonitor.MonitorManufacturer).' },
    { name: 'MonitorType', type: 'string', doc: 'Monitor type (Win32_DesktopMonitor.MonitorType).' },
    { name: 'ScreenWidth', type: 'long', doc: 'Screen width (Win32_DesktopMonitor.ScreenWidth), in pixels.' },
    { name: 'ScreenHeight', type: 'long', doc: 'Screen height (Win32_DesktopMonitor.ScreenHeight), in pixels.' },
    { name: 'PixelsPerXLogicalInch', type: 'long', doc: 'Pixels per x logical inch (Win32_DesktopMonitor.PixelsPerXLogicalInch).' },
    { name: 'PixelsPerYLogicalInch', type: 'long', doc: 'Pixels per y logical inch (Win32_DesktopMonitor.PixelsPerYLogicalInch).' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'Availability', type: 'long', doc: 'WMI availability code: 3 running/full power, 7 power off, 8 offline…' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'DesktopMonitor | project DeviceID, Name, MonitorManufacturer, MonitorType',
    'DesktopMonitor | summarize count() by DeviceID',
  ],
});
