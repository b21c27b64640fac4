import { defineEntity } from '../define-entity.js';

export const ProtectedVolumeInformation = defineEntity({
  name: 'ProtectedVolumeInformation',
  description: 'Protected Volume Information: the WMI class CCM_ProtectedVolumeInfo in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'DriveLetter', type: 'string', doc: 'The drive letter with its colon (\'C:\'), "" when none.' },
    { name: 'ProtectionType', type: 'long', doc: 'Protection type (CCM_ProtectedVolumeInfo.ProtectionType).' },
  ],
  examples: [
    'ProtectedVolumeInformation | project Name, DriveLetter, ProtectionType',
    'ProtectedVolumeInformation | summarize count() by DriveLetter',
  ],
});
