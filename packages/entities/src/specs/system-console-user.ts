import { defineEntity } from '../define-entity.js';

export const SystemConsoleUser = defineEntity({
  name: 'SystemConsoleUser',
  description: 'System Console User: the WMI class SMS_SystemConsoleUser in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'sensitive',
  columns: [
    { name: 'SystemConsoleUser', type: 'string', doc: 'System console user (SMS_SystemConsoleUser.SystemConsoleUser).' },
    { name: 'LastConsoleUse', type: 'datetime', doc: 'Last console use (SMS_SystemConsoleUser.LastConsoleUse) (UTC).' },
    { name: 'NumberOfConsoleLogons', type: 'long', doc: 'Number of console logons (SMS_SystemConsoleUser.NumberOfConsoleLogons).' },
    { name: 'TotalUserConsoleMinutes', type: 'long', doc: 'Total user console minutes (SMS_SystemConsoleUser.TotalUserConsoleMinutes), in minutes.' },
  ],
  examples: [
    'SystemConsoleUser | project SystemConsoleUser, LastConsoleUse, NumberOfConsoleLogons, TotalUserConsoleMinutes',
    'SystemConsoleUser | summarize count() by SystemConsoleUser',
  ],
});
