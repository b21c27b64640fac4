import { defineEntity } from '../define-entity.js';

export const OfficeDeviceSummary = defineEntity({
  name: 'OfficeDeviceSummary',
  description: 'Office Device Summary: the WMI class CCM_OfficeDeviceSummary in root\\ccm\\InvAgt (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'IsProPlusInstalled', type: 'bool', doc: 'Is pro plus installed: true or false (CCM_OfficeDeviceSummary.IsProPlusInstalled).' },
    { name: 'IsTelemetryEnabled', type: 'bool', doc: 'Is telemetry enabled: true or false (CCM_OfficeDeviceSummary.IsTelemetryEnabled).' },
  ],
  examples: [
    'OfficeDeviceSummary | project IsProPlusInstalled, IsTelemetryEnabled',
    'OfficeDeviceSummary | where IsProPlusInstalled == true | project Device, IsTelemetryEnabled',
  ],
});
