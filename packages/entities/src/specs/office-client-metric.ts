import { defineEntity } from '../define-entity.js';

export const OfficeClientMetric = defineEntity({
  name: 'OfficeClientMetric',
  description: 'Office Client Metric: the WMI class CCM_OfficeClientMetric in root\\ccm\\InvAgt (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'OfficeApp', type: 'string', doc: 'The Office application (Word, Excel, Outlook…).' },
    { name: 'SessionCount', type: 'long', doc: 'Session count (CCM_OfficeClientMetric.SessionCount).' },
    { name: 'CrashedSessionCount', type: 'long', doc: 'Crashed session count (CCM_OfficeClientMetric.CrashedSessionCount).' },
    { name: 'CompatibilityErrorCount', type: 'long', doc: 'How many compatibility errors were seen.' },
    { name: 'MacroCompileErrorCount', type: 'long', doc: 'How many macro compile errors were seen.' },
    { name: 'MacroRuntimeErrorCount', type: 'long', doc: 'How many macro runtime errors were seen.' },
  ],
  examples: [
    'OfficeClientMetric | project OfficeApp, SessionCount, CrashedSessionCount, CompatibilityErrorCount',
    'OfficeClientMetric | summarize count() by OfficeApp',
  ],
});
