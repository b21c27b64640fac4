import { defineEntity } from '../define-entity.js';

export const BitLockerEncryptionDetails = defineEntity({
  name: 'BitLockerEncryptionDetails',
  description: 'BitLocker Encryption Details: the WMI class Win32_BitLockerEncryptionDetails in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceId', type: 'string', doc: 'The device id.' },
    { name: 'DriveLetter', type: 'string', doc: 'The drive letter with its colon (\'C:\'), "" when none.' },
    { name: 'BitlockerPersistentVolumeId', type: 'string', doc: 'Bitlocker persistent volume ID (Win32_BitLockerEncryptionDetails.BitlockerPersistentVolumeId).' },
    { name: 'Compliant', type: 'long', doc: 'Compliant (Win32_BitLockerEncryptionDetails.Compliant).' },
    { name: 'ConversionStatus', type: 'long', doc: 'Conversion status (Win32_BitLockerEncryptionDetails.ConversionStatus).' },
    { name: 'EncryptionMethod', type: 'long', doc: 'The BitLocker encryption method code.' },
    { name: 'ProtectionStatus', type: 'long', doc: 'BitLocker protection: 0 off, 1 on, 2 unknown.' },
    { name: 'IsAutoUnlockEnabled', type: 'bool', doc: 'Is auto unlock enabled: true or false (Win32_BitLockerEncryptionDetails.IsAutoUnlockEnabled).' },
    { name: 'MbamVolumeType', type: 'long', doc: 'Mbam volume type (Win32_BitLockerEncryptionDetails.MbamVolumeType).' },
    { name: 'EnforcePolicyDate', type: 'string', doc: 'Enforce policy date (Win32_BitLockerEncryptionDetails.EnforcePolicyDate).' },
    { name: 'NoncomplianceDetectedDate', type: 'string', doc: 'Noncompliance detected date (Win32_BitLockerEncryptionDetails.NoncomplianceDetectedDate).' },
  ],
  examples: [
    'BitLockerEncryptionDetails | project DeviceId, DriveLetter, BitlockerPersistentVolumeId, Compliant',
    'BitLockerEncryptionDetails | where IsAutoUnlockEnabled == true | project Device, DeviceId, DriveLetter',
  ],
});
