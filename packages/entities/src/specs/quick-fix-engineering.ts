import { defineEntity } from '../define-entity.js';

export const QuickFixEngineering = defineEntity({
  name: 'QuickFixEngineering',
  description: 'Quick Fix Engineering: the WMI class Win32_QuickFixEngineering in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'HotFixID', type: 'string', doc: 'Hot fix ID (Win32_QuickFixEngineering.HotFixID).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'InstalledOn', type: 'string', doc: 'Installed on (Win32_QuickFixEngineering.InstalledOn): date text.' },
    { name: 'InstalledBy', type: 'string', doc: 'Installed by (Win32_QuickFixEngineering.InstalledBy).' },
    { name: 'Caption', type: 'string', doc: 'Caption (Win32_QuickFixEngineering.Caption): KB URL.' },
    { name: 'ServicePackInEffect', type: 'string', doc: 'Service pack in effect (Win32_QuickFixEngineering.ServicePackInEffect).' },
    { name: 'FixComments', type: 'string', doc: 'Fix comments (Win32_QuickFixEngineering.FixComments).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
    { name: 'InstallDate', type: 'datetime', doc: 'Install date (Win32_QuickFixEngineering.InstallDate): usually empty (UTC).' },
  ],
  examples: [
    'QuickFixEngineering | where HotFixID == \'KB5034441\' | project HotFixID, InstalledOn',
    'QuickFixEngineering | summarize count() by Description',
  ],
});
