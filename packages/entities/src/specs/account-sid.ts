import { defineEntity } from '../define-entity.js';

export const AccountSID = defineEntity({
  name: 'AccountSID',
  description: 'Account SID: the WMI class Win32_AccountSID in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  onPremOnly: true,
  columns: [
    { name: 'Element', type: 'string', doc: 'Element (Win32_AccountSID.Element).' },
    { name: 'Setting', type: 'string', doc: 'Setting (Win32_AccountSID.Setting): both are object references rendered as paths.' },
  ],
  examples: [
    'AccountSID | project Element, Setting',
    'AccountSID | summarize count() by Element',
  ],
});
