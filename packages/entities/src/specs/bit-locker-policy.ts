import { defineEntity } from '../define-entity.js';

export const BitLockerPolicy = defineEntity({
  name: 'BitLockerPolicy',
  description: 'BitLocker Policy: the WMI class Win32Reg_MBAMPolicy in root\\cimv2 (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'KeyName', type: 'string', doc: 'Key name (Win32Reg_MBAMPolicy.KeyName).' },
    { name: 'EncryptionMethod', type: 'long', doc: 'The BitLocker encryption method code.' },
    { name: 'OsDriveEncryption', type: 'long', doc: 'Os drive encryption (Win32Reg_MBAMPolicy.OsDriveEncryption).' },
    { name: 'OsDriveProtector', type: 'long', doc: 'Os drive protector (Win32Reg_MBAMPolicy.OsDriveProtector).' },
    { name: 'FixedDataDriveEncryption', type: 'long', doc: 'Fixed data drive encryption (Win32Reg_MBAMPolicy.FixedDataDriveEncryption).' },
    { name: 'FixedDataDriveAutoUnlock', type: 'long', doc: 'Fixed data drive auto unlock (Win32Reg_MBAMPolicy.FixedDataDriveAutoUnlock).' },
    { name: 'MBAMPolicyEnforced', type: 'long', doc: 'Mbam policy enforced (Win32Reg_MBAMPolicy.MBAMPolicyEnforced).' },
    { name: 'MBAMMachineError', type: 'long', doc: 'Mbam machine error (Win32Reg_MBAMPolicy.MBAMMachineError).' },
    { name: 'LastConsoleUser', type: 'string', doc: 'Last console user (Win32Reg_MBAMPolicy.LastConsoleUser).' },
    { name: 'UserExemptionDate', type: 'datetime', doc: 'User exemption date (Win32Reg_MBAMPolicy.UserExemptionDate) (UTC).' },
    { name: 'EncodedComputerName', type: 'string', doc: 'Encoded computer name (Win32Reg_MBAMPolicy.EncodedComputerName).' },
  ],
  examples: [
    'BitLockerPolicy | project KeyName, EncryptionMethod, OsDriveEncryption, OsDriveProtector',
    'BitLockerPolicy | summarize count() by KeyName',
  ],
});
