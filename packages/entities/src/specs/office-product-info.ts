import { defineEntity } from '../define-entity.js';

export const OfficeProductInfo = defineEntity({
  name: 'OfficeProductInfo',
  description: 'Office Product Info: the WMI class CCM_OfficeProductInfo in root\\ccm\\InvAgt (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'ProductName', type: 'string', doc: 'The product name.' },
    { name: 'ProductVersion', type: 'string', doc: 'The product version.' },
    { name: 'Architecture', type: 'string', doc: 'The processor architecture it is built for.' },
    { name: 'Channel', type: 'string', doc: 'Channel (CCM_OfficeProductInfo.Channel).' },
    { name: 'Language', type: 'string', doc: 'The language id (LCID).' },
    { name: 'LicenseState', type: 'string', doc: 'License state (CCM_OfficeProductInfo.LicenseState).' },
    { name: 'IsProPlusInstalled', type: 'long', doc: 'Is pro plus installed (CCM_OfficeProductInfo.IsProPlusInstalled).' },
  ],
  examples: [
    'OfficeProductInfo | summarize count() by ProductName, Channel',
  ],
});
