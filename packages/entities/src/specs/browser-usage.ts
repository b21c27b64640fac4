import { defineEntity } from '../define-entity.js';

export const BrowserUsage = defineEntity({
  name: 'BrowserUsage',
  description: 'Browser Usage: the WMI class SMS_BrowserUsage in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'sensitive',
  columns: [
    { name: 'BrowserName', type: 'string', doc: 'Browser name (SMS_BrowserUsage.BrowserName).' },
    { name: 'UsagePercentage', type: 'long', doc: 'Usage percentage (SMS_BrowserUsage.UsagePercentage).' },
  ],
  examples: [
    'BrowserUsage | project BrowserName, UsagePercentage',
    'BrowserUsage | summarize count() by BrowserName',
  ],
});
