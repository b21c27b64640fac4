import { defineEntity } from '../define-entity.js';

export const PowerSettings = defineEntity({
  name: 'PowerSettings',
  description: 'Power Settings: the WMI class SMS_PowerSettings in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'GUID', type: 'string', doc: 'Guid (SMS_PowerSettings.GUID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'ACSettingIndex', type: 'string', doc: 'Ac setting index (SMS_PowerSettings.ACSettingIndex).' },
    { name: 'ACValue', type: 'string', doc: 'Ac value (SMS_PowerSettings.ACValue).' },
    { name: 'DCSettingIndex', type: 'string', doc: 'Dc setting index (SMS_PowerSettings.DCSettingIndex).' },
    { name: 'DCValue', type: 'string', doc: 'Dc value (SMS_PowerSettings.DCValue).' },
    { name: 'UnitSpecifier', type: 'string', doc: 'Unit specifier (SMS_PowerSettings.UnitSpecifier).' },
  ],
  examples: [
    'PowerSettings | project GUID, Name, ACSettingIndex, ACValue',
    'PowerSettings | summarize count() by GUID',
  ],
});
