import { defineEntity } from '../define-entity.js';

export const SMSWindows8ApplicationUserInfo = defineEntity({
  name: 'SMSWindows8ApplicationUserInfo',
  description: 'Windows app User Info: the WMI class SMS_Windows8ApplicationUserInfo in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'FullName', type: 'string', doc: 'Full name (SMS_Windows8ApplicationUserInfo.FullName).' },
    { name: 'UserSecurityId', type: 'string', doc: 'User security ID (SMS_Windows8ApplicationUserInfo.UserSecurityId).' },
    { name: 'UserAccountName', type: 'string', doc: 'User account name (SMS_Windows8ApplicationUserInfo.UserAccountName).' },
    { name: 'InstallState', type: 'string', doc: 'Install state (SMS_Windows8ApplicationUserInfo.InstallState).' },
  ],
  examples: [
    'SMSWindows8ApplicationUserInfo | project FullName, UserSecurityId, UserAccountName, InstallState',
    'SMSWindows8ApplicationUserInfo | summarize count() by FullName',
  ],
});
