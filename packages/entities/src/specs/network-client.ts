import { defineEntity } from '../define-entity.js';

export const NetworkClient = defineEntity({
  name: 'NetworkClient',
  description: 'Network Client: the WMI class Win32_NetworkClient in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Caption', type: 'string', doc: 'A short description (WMI Caption).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'InstallDate', type: 'datetime', doc: 'When it was installed (UTC); null when WMI does not say.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'NetworkClient | project Name, Caption, Description, Manufacturer',
    'NetworkClient | summarize count() by Caption',
  ],
});
