import { defineEntity } from '../define-entity.js';

export const PrinterDevice = defineEntity({
  name: 'PrinterDevice',
  description: 'Printer Device: the WMI class Win32_Printer in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'DriverName', type: 'string', doc: 'Driver name (Win32_Printer.DriverName).' },
    { name: 'PortName', type: 'string', doc: 'Port name (Win32_Printer.PortName).' },
    { name: 'Location', type: 'string', doc: 'Location (Win32_Printer.Location).' },
    { name: 'ShareName', type: 'string', doc: 'Share name (Win32_Printer.ShareName).' },
    { name: 'ServerName', type: 'string', doc: 'Server name (Win32_Printer.ServerName).' },
    { name: 'PrinterStatus', type: 'long', doc: 'Printer status (Win32_Printer.PrinterStatus).' },
    { name: 'PrinterState', type: 'long', doc: 'Printer state (Win32_Printer.PrinterState).' },
    { name: 'Attributes', type: 'long', doc: 'Attributes (Win32_Printer.Attributes).' },
    { name: 'SpoolEnabled', type: 'bool', doc: 'Spool enabled: true or false (Win32_Printer.SpoolEnabled).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'PrinterDevice | project DeviceID, Name, DriverName, PortName',
    'PrinterDevice | where SpoolEnabled == true | project Device, DeviceID, Name',
  ],
});
