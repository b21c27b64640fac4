import { defineEntity } from '../define-entity.js';

export const OptionalFeature = defineEntity({
  name: 'OptionalFeature',
  description: 'Optional Feature: the WMI class Win32_OptionalFeature in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Caption', type: 'string', doc: 'A short description (WMI Caption).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'InstallState', type: 'long', doc: 'Install state (Win32_OptionalFeature.InstallState): 1 enabled, 2 disabled, 3 absent, 4 unknown.' },
    { name: 'InstallDate', type: 'datetime', doc: 'When it was installed (UTC); null when WMI does not say.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'OptionalFeature | where InstallState == 1 | project Name, Caption',
  ],
});
