import { defineEntity } from '../define-entity.js';

export const FileShare = defineEntity({
  name: 'FileShare',
  description: 'Active file share information: the WMI class Win32_Share in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Path', type: 'string', doc: 'Path (Win32_Share.Path).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'Type', type: 'long', doc: 'Type (Win32_Share.Type): 0 disk, 1 print queue, 3 IPC; +2147483648 admin.' },
  ],
  examples: [
    'FileShare | where Name !endswith \'$\' | project Name, Path, Description',
  ],
});
