import { defineEntity } from '../define-entity.js';

export const Shares = defineEntity({
  name: 'Shares',
  description: 'Shares: the WMI class Win32_Share in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Path', type: 'string', doc: 'Path (Win32_Share.Path).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'Caption', type: 'string', doc: 'A short description (WMI Caption).' },
    { name: 'Type', type: 'long', doc: 'The type.' },
    { name: 'AccessMask', type: 'long', doc: 'Access mask (Win32_Share.AccessMask).' },
    { name: 'AllowMaximum', type: 'bool', doc: 'Allow maximum: true or false (Win32_Share.AllowMaximum).' },
    { name: 'MaximumAllowed', type: 'long', doc: 'Maximum allowed (Win32_Share.MaximumAllowed).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'Shares | where Type == 0 | project Name, Path, Description',
  ],
});
