import { defineEntity } from '../define-entity.js';

export const SMSDefaultBrowser = defineEntity({
  name: 'SMSDefaultBrowser',
  description: 'Default Browser: the WMI class SMS_DefaultBrowser in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'BrowserProgId', type: 'string', doc: 'Browser prog ID (SMS_DefaultBrowser.BrowserProgId).' },
  ],
  examples: [
    'SMSDefaultBrowser | project BrowserProgId',
  ],
});
