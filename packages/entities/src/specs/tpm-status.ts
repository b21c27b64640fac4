import { defineEntity } from '../define-entity.js';

export const TPMStatus = defineEntity({
  name: 'TPMStatus',
  description: 'TPM Status: the WMI class SMS_TPM in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'IsReady', type: 'bool', doc: 'Is ready: true or false (SMS_TPM.IsReady).' },
    { name: 'IsApplicable', type: 'bool', doc: 'Is applicable: true or false (SMS_TPM.IsApplicable).' },
    { name: 'Information', type: 'long', doc: 'Information (SMS_TPM.Information).' },
  ],
  examples: [
    'TPMStatus | project IsReady, IsApplicable, Information',
    'TPMStatus | where IsReady == true | project Device, IsApplicable, Information',
  ],
});
