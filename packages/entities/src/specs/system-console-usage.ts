import { defineEntity } from '../define-entity.js';

export const SystemConsoleUsage = defineEntity({
  name: 'SystemConsoleUsage',
  description: 'System Console Usage: the WMI class SMS_SystemConsoleUsage in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'TopConsoleUser', type: 'string', doc: 'Top console user (SMS_SystemConsoleUsage.TopConsoleUser).' },
    { name: 'TotalConsoleTime', type: 'long', doc: 'Total console time (SMS_SystemConsoleUsage.TotalConsoleTime).' },
    { name: 'TotalConsoleUsers', type: 'long', doc: 'Total console users (SMS_SystemConsoleUsage.TotalConsoleUsers).' },
    { name: 'TotalSecurityLogTime', type: 'long', doc: 'Total security log time (SMS_SystemConsoleUsage.TotalSecurityLogTime).' },
    { name: 'SecurityLogStartDate', type: 'datetime', doc: 'Security log start date (SMS_SystemConsoleUsage.SecurityLogStartDate) (UTC).' },
  ],
  examples: [
    'SystemConsoleUsage | project TopConsoleUser, TotalConsoleTime, TotalConsoleUsers, TotalSecurityLogTime',
    'SystemConsoleUsage | summarize count() by TopConsoleUser',
  ],
});
