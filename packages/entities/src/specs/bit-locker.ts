import { defineEntity } from '../define-entity.js';

export const BitLocker = defineEntity({
  name: 'BitLocker',
  description: 'BitLocker: the WMI class Win32_EncryptableVolume in root\\cimv2\\Security\\MicrosoftVolumeEncryption.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'DriveLetter', type: 'string', doc: 'The drive letter with its colon (\'C:\'), "" when none.' },
    { name: 'PersistentVolumeID', type: 'string', doc: 'Persistent volume ID (Win32_EncryptableVolume.PersistentVolumeID).' },
    { name: 'ProtectionStatus', type: 'long', doc: 'Protection status (Win32_EncryptableVolume.ProtectionStatus): 0 off, 1 on, 2 unknown.' },
  ],
  examples: [
    'BitLocker | where ProtectionStatus != 1 | project DriveLetter, ProtectionStatus',
    'BitLocker | summarize count() by ProtectionStatus',
  ],
});
