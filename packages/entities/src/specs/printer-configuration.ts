import { defineEntity } from '../define-entity.js';

export const PrinterConfiguration = defineEntity({
  name: 'PrinterConfiguration',
  description: 'Printer Configuration: the WMI class Win32_PrinterConfiguration in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'DeviceName', type: 'string', doc: 'Device name (Win32_PrinterConfiguration.DeviceName).' },
    { name: 'DriverVersion', type: 'long', doc: 'The driver version.' },
    { name: 'Color', type: 'long', doc: 'Color (Win32_PrinterConfiguration.Color).' },
    { name: 'Duplex', type: 'bool', doc: 'Duplex: true or false (Win32_PrinterConfiguration.Duplex).' },
    { name: 'Copies', type: 'long', doc: 'Copies (Win32_PrinterConfiguration.Copies).' },
    { name: 'Orientation', type: 'long', doc: 'Orientation (Win32_PrinterConfiguration.Orientation).' },
    { name: 'PaperSize', type: 'string', doc: 'Paper size (Win32_PrinterConfiguration.PaperSize).' },
    { name: 'PrintQuality', type: 'long', doc: 'Print quality (Win32_PrinterConfiguration.PrintQuality).' },
    { name: 'HorizontalResolution', type: 'long', doc: 'Horizontal resolution (Win32_PrinterConfiguration.HorizontalResolution).' },
    { name: 'VerticalResolution', type: 'long', doc: 'Vertical resolution (Win32_PrinterConfiguration.VerticalResolution).' },
  ],
  examples: [
    'PrinterConfiguration | project Name, DeviceName, DriverVersion, Color',
    'PrinterConfiguration | where Duplex == true | project Device, Name, DeviceName',
  ],
});
