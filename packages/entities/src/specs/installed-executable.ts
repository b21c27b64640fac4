import { defineEntity } from '../define-entity.js';

export const InstalledExecutable = defineEntity({
  name: 'InstalledExecutable',
  description: 'Installed Executable: the WMI class SMS_InstalledExecutable in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'ExecutableName', type: 'string', doc: 'Executable name (SMS_InstalledExecutable.ExecutableName).' },
    { name: 'InstalledFilePath', type: 'string', doc: 'Installed file path (SMS_InstalledExecutable.InstalledFilePath).' },
    { name: 'FileVersion', type: 'string', doc: 'The file version from the version resource.' },
    { name: 'FileSize', type: 'long', doc: 'The file size, in bytes.' },
    { name: 'Product', type: 'string', doc: 'The product the file belongs to.' },
    { name: 'ProductVersion', type: 'string', doc: 'The product version.' },
    { name: 'Publisher', type: 'string', doc: 'The publisher.' },
    { name: 'ProductCode', type: 'string', doc: 'The Windows Installer product code, "" when none.' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'Language', type: 'long', doc: 'The language id (LCID).' },
    { name: 'IsSystemFile', type: 'bool', doc: 'Is system file: true or false (SMS_InstalledExecutable.IsSystemFile).' },
    { name: 'IsVitalFile', type: 'bool', doc: 'Is vital file: true or false (SMS_InstalledExecutable.IsVitalFile).' },
  ],
  examples: [
    'InstalledExecutable | where ExecutableName == \'putty.exe\' | project InstalledFilePath, FileVersion',
  ],
});
