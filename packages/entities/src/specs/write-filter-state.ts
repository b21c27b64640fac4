import { defineEntity } from '../define-entity.js';

export const WriteFilterState = defineEntity({
  name: 'WriteFilterState',
  description: 'Write Filter State: the WMI class CCM_WriteFilterState in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'WriteFilterEnabled', type: 'bool', doc: 'Write filter enabled: true or false (CCM_WriteFilterState.WriteFilterEnabled).' },
  ],
  examples: [
    'WriteFilterState | project WriteFilterEnabled',
    'WriteFilterState | where WriteFilterEnabled == true | project Device',
  ],
});
