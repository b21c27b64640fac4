import { defineEntity } from '../define-entity.js';

export const BootConfiguration = defineEntity({
  name: 'BootConfiguration',
  description: 'Boot Configuration: the WMI class Win32_BootConfiguration in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'BootDirectory', type: 'string', doc: 'Boot directory (Win32_BootConfiguration.BootDirectory).' },
    { name: 'ConfigurationPath', type: 'string', doc: 'Configuration path (Win32_BootConfiguration.ConfigurationPath).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'LastDrive', type: 'string', doc: 'Last drive (Win32_BootConfiguration.LastDrive).' },
    { name: 'ScratchDirectory', type: 'string', doc: 'Scratch directory (Win32_BootConfiguration.ScratchDirectory).' },
    { name: 'TempDirectory', type: 'string', doc: 'Temp directory (Win32_BootConfiguration.TempDirectory).' },
  ],
  examples: [
    'BootConfiguration | project Name, BootDirectory, ConfigurationPath, Description',
    'BootConfiguration | summarize count() by BootDirectory',
  ],
});
