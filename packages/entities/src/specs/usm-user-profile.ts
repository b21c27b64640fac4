import { defineEntity } from '../define-entity.js';

export const USMUserProfile = defineEntity({
  name: 'USMUserProfile',
  description: 'User Profile Health: the WMI class Win32_UserProfile in root\\cimv2.',
  platforms: ['windows'],
  permission: 'sensitive',
  columns: [
    { name: 'SID', type: 'string', doc: 'The security identifier (S-1-5-…).' },
    { name: 'LocalPath', type: 'string', doc: 'Local path (Win32_UserProfile.LocalPath).' },
    { name: 'Loaded', type: 'bool', doc: 'Loaded: true or false (Win32_UserProfile.Loaded).' },
    { name: 'Special', type: 'bool', doc: 'Special: true or false (Win32_UserProfile.Special).' },
    { name: 'LastUseTime', type: 'datetime', doc: 'Last use time (Win32_UserProfile.LastUseTime) (UTC).' },
    { name: 'RoamingConfigured', type: 'bool', doc: 'Roaming configured: true or false (Win32_UserProfile.RoamingConfigured).' },
    { name: 'RoamingPath', type: 'string', doc: 'Roaming path (Win32_UserProfile.RoamingPath).' },
    { name: 'HealthStatus', type: 'long', doc: 'The health status code.' },
    { name: 'RefCount', type: 'long', doc: 'Ref count (Win32_UserProfile.RefCount).' },
    { name: 'Status', type: 'long', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'USMUserProfile | where Special == false | project LocalPath, LastUseTime, Loaded | order by LastUseTime desc',
  ],
});
