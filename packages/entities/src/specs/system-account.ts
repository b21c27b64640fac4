import { defineEntity } from '../define-entity.js';

export const SystemAccount = defineEntity({
  name: 'SystemAccount',
  description: 'System Account: the WMI class Win32_SystemAccount in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Domain', type: 'string', doc: 'The domain (or computer) the account belongs to.' },
    { name: 'SID', type: 'string', doc: 'The security identifier (S-1-5-…).' },
    { name: 'SIDType', type: 'long', doc: 'SID type (Win32_SystemAccount.SIDType).' },
    { name: 'Caption', type: 'string', doc: 'A short description (WMI Caption).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'SystemAccount | project Name, Domain, SID, SIDType',
    'SystemAccount | summarize count() by Domain',
  ],
});
