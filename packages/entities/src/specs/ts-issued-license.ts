import { defineEntity } from '../define-entity.js';

export const TSIssuedLicense = defineEntity({
  name: 'TSIssuedLicense',
  description: 'TS Issued License: the WMI class Win32_TSIssuedLicense in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'LicenseId', type: 'long', doc: 'License ID (Win32_TSIssuedLicense.LicenseId).' },
    { name: 'KeyPackId', type: 'long', doc: 'Key pack ID (Win32_TSIssuedLicense.KeyPackId).' },
    { name: 'LicenseStatus', type: 'long', doc: 'The license status code.' },
    { name: 'IssueDate', type: 'datetime', doc: 'Issue date (Win32_TSIssuedLicense.IssueDate) (UTC).' },
    { name: 'ExpirationDate', type: 'datetime', doc: 'Expiration date (Win32_TSIssuedLicense.ExpirationDate) (UTC).' },
    { name: 'sIssuedToUser', type: 'string', doc: 'S issued to user (Win32_TSIssuedLicense.sIssuedToUser).' },
    { name: 'sIssuedToComputer', type: 'string', doc: 'S issued to computer (Win32_TSIssuedLicense.sIssuedToComputer).' },
    { name: 'sHardwareId', type: 'string', doc: 'S hardware ID (Win32_TSIssuedLicense.sHardwareId).' },
  ],
  examples: [
    'TSIssuedLicense | project LicenseId, KeyPackId, LicenseStatus, IssueDate',
    'TSIssuedLicense | summarize count() by sIssuedToUser',
  ],
});
