import { defineEntity } from '../define-entity.js';

export const EmbeddedDeviceInformation = defineEntity({
  name: 'EmbeddedDeviceInformation',
  description: 'Embedded Device Information: the WMI class CCM_EmbeddedDeviceInformation in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceType', type: 'string', doc: 'Device type (CCM_EmbeddedDeviceInformation.DeviceType).' },
    { name: 'Model', type: 'string', doc: 'The model.' },
    { name: 'OEMName', type: 'string', doc: 'Oem name (CCM_EmbeddedDeviceInformation.OEMName).' },
  ],
  examples: [
    'EmbeddedDeviceInformation | project DeviceType, Model, OEMName',
    'EmbeddedDeviceInformation | summarize count() by DeviceType',
  ],
});
