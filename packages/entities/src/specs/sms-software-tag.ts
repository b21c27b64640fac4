import { defineEntity } from '../define-entity.js';

export const SMSSoftwareTag = defineEntity({
  name: 'SMSSoftwareTag',
  description: 'Software Tag: the WMI class SMS_SoftwareTag in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'ProductName', type: 'string', doc: 'The product name.' },
    { name: 'DisplayVersion', type: 'string', doc: 'Display version (SMS_SoftwareTag.DisplayVersion).' },
    { name: 'SoftwareCreator', type: 'string', doc: 'Software creator (SMS_SoftwareTag.SoftwareCreator).' },
    { name: 'SoftwareLicensor', type: 'string', doc: 'Software licensor (SMS_SoftwareTag.SoftwareLicensor).' },
    { name: 'TagCreator', type: 'string', doc: 'Tag creator (SMS_SoftwareTag.TagCreator).' },
    { name: 'TagCreatorRegid', type: 'string', doc: 'Tag creator regid (SMS_SoftwareTag.TagCreatorRegid).' },
    { name: 'UniqueID', type: 'string', doc: 'Unique ID (SMS_SoftwareTag.UniqueID).' },
    { name: 'EntitlementRequired', type: 'bool', doc: 'Entitlement required: true or false (SMS_SoftwareTag.EntitlementRequired).' },
    { name: 'VersionMajor', type: 'long', doc: 'Version major (SMS_SoftwareTag.VersionMajor).' },
    { name: 'VersionMinor', type: 'long', doc: 'Version minor (SMS_SoftwareTag.VersionMinor).' },
  ],
  examples: [
    'SMSSoftwareTag | project ProductName, DisplayVersion, SoftwareCreator, SoftwareLicensor',
    'SMSSoftwareTag | where EntitlementRequired == true | project Device, ProductName, DisplayVersion',
  ],
});
