import { defineEntity } from '../define-entity.js';

export const CCMRecentlyUsedApplications = defineEntity({
  name: 'CCMRecentlyUsedApplications',
  description: 'Recently Used Applications: the WMI class CCM_RecentlyUsedApps in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'sensitive',
  columns: [
    { name: 'CompanyName', type: 'string', doc: 'Company name (CCM_RecentlyUsedApps.CompanyName).' },
    { name: 'ExplorerFileName', type: 'string', doc: 'Explorer file name (CCM_RecentlyUsedApps.ExplorerFileName).' },
    { name: 'FolderPath', type: 'string', doc: 'Folder path (CCM_RecentlyUsedApps.FolderPath).' },
    { name: 'LastUsedTime', type: 'datetime', doc: 'Last used time (CCM_RecentlyUsedApps.LastUsedTime) (UTC).' },
    { name: 'LaunchCount', type: 'long', doc: 'Launch count (CCM_RecentlyUsedApps.LaunchCount).' },
    { name: 'ProductName', type: 'string', doc: 'The product name.' },
    { name: 'ProductVersion', type: 'string', doc: 'The product version.' },
    { name: 'FileVersion', type: 'string', doc: 'The file version from the version resource.' },
    { name: 'FileDescription', type: 'string', doc: 'File description (CCM_RecentlyUsedApps.FileDescription).' },
    { name: 'FileSize', type: 'long', doc: 'The file size, in bytes.' },
    { name: 'LastUserName', type: 'string', doc: 'Last user name (CCM_RecentlyUsedApps.LastUserName).' },
    { name: 'OriginalFileName', type: 'string', doc: 'Original file name (CCM_RecentlyUsedApps.OriginalFileName).' },
    { name: 'msiDisplayName', type: 'string', doc: 'Msi display name (CCM_RecentlyUsedApps.msiDisplayName).' },
    { name: 'msiPublisher', type: 'string', doc: 'Msi publisher (CCM_RecentlyUsedApps.msiPublisher).' },
    { name: 'msiVersion', type: 'string', doc: 'Msi version (CCM_RecentlyUsedApps.msiVersion).' },
  ],
  examples: [
    'CCMRecentlyUsedApplications | where LastUsedTime > ago(7d) | project CompanyName, ExplorerFileName, LastUsedTime, LaunchCount, FolderPath, ProductName, ProductVersion',
  ],
});
