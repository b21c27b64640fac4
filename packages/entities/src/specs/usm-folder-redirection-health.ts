import { defineEntity } from '../define-entity.js';

export const USMFolderRedirectionHealth = defineEntity({
  name: 'USMFolderRedirectionHealth',
  description: 'Folder Redirection Health: the WMI class SMS_FolderRedirectionHealth in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'FolderName', type: 'string', doc: 'Folder name (SMS_FolderRedirectionHealth.FolderName).' },
    { name: 'SID', type: 'string', doc: 'The security identifier (S-1-5-…).' },
    { name: 'HealthStatus', type: 'long', doc: 'The health status code.' },
    { name: 'Redirected', type: 'bool', doc: 'Redirected: true or false (SMS_FolderRedirectionHealth.Redirected).' },
    { name: 'OfflineAccessEnabled', type: 'bool', doc: 'Offline access enabled: true or false (SMS_FolderRedirectionHealth.OfflineAccessEnabled).' },
    { name: 'LastSyncTime', type: 'datetime', doc: 'When it last synchronised (UTC).' },
    { name: 'LastSuccessfulSyncTime', type: 'datetime', doc: 'Last successful sync time (SMS_FolderRedirectionHealth.LastSuccessfulSyncTime) (UTC).' },
    { name: 'LastSyncStatus', type: 'long', doc: 'Last sync status (SMS_FolderRedirectionHealth.LastSyncStatus).' },
  ],
  examples: [
    'USMFolderRedirectionHealth | project FolderName, SID, HealthStatus, Redirected',
    'USMFolderRedirectionHealth | where Redirected == true | project Device, FolderName, SID',
  ],
});
