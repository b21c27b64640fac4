import { defineEntity } from '../define-entity.js';

export const SystemEnclosure = defineEntity({
  name: 'SystemEnclosure',
  description: 'System Enclosure: the WMI class Win32_SystemEnclosure in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'Model', type: 'string', doc: 'The model.' },
    { name: 'SerialNumber', type: 'string', doc: 'The serial number.' },
    { name: 'SMBIOSAssetTag', type: 'string', doc: 'Smbios asset tag (Win32_SystemEnclosure.SMBIOSAssetTag).' },
    { name: 'Tag', type: 'string', doc: 'The unique WMI key of the object.' },
    { name: 'PartNumber', type: 'string', doc: 'The part number.' },
    { name: 'Version', type: 'string', doc: 'The version.' },
    { name: 'LockPresent', type: 'bool', doc: 'Lock present: true or false (Win32_SystemEnclosure.LockPresent).' },
    { name: 'SecurityStatus', type: 'long', doc: 'Security status (Win32_SystemEnclosure.SecurityStatus).' },
  ],
  examples: [
    'SystemEnclosure | project Manufacturer, Model, SerialNumber, SMBIOSAssetTag',
  ],
});
