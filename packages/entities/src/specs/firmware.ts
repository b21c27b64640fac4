import { defineEntity } from '../define-entity.js';

export const Firmware = defineEntity({
  name: 'Firmware',
  description: 'Firmware: the WMI class SMS_Firmware in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'UEFI', type: 'bool', doc: 'Uefi: true or false (SMS_Firmware.UEFI).' },
    { name: 'SecureBoot', type: 'bool', doc: 'Secure boot: true or false (SMS_Firmware.SecureBoot).' },
  ],
  examples: [
    'Firmware | where UEFI == true and SecureBoot == false',
  ],
});
