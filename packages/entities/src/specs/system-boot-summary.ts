import { defineEntity } from '../define-entity.js';

export const SystemBootSummary = defineEntity({
  name: 'SystemBootSummary',
  description: 'System Boot Summary: the WMI class CCM_SystemBootSummary in root\\ccm (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'AverageBootFrequency', type: 'long', doc: 'Average boot frequency (CCM_SystemBootSummary.AverageBootFrequency).' },
    { name: 'LatestBootDuration', type: 'long', doc: 'Latest boot duration (CCM_SystemBootSummary.LatestBootDuration).' },
    { name: 'LatestCoreBootDuration', type: 'long', doc: 'Latest core boot duration (CCM_SystemBootSummary.LatestCoreBootDuration).' },
    { name: 'LatestBiosDuration', type: 'long', doc: 'Latest BIOS duration (CCM_SystemBootSummary.LatestBiosDuration).' },
    { name: 'LatestEventLogStart', type: 'long', doc: 'Latest event log start (CCM_SystemBootSummary.LatestEventLogStart).' },
    { name: 'LatestGPDuration', type: 'long', doc: 'Latest gp duration (CCM_SystemBootSummary.LatestGPDuration).' },
    { name: 'LatestUpdateDuration', type: 'long', doc: 'Latest update duration (CCM_SystemBootSummary.LatestUpdateDuration).' },
    { name: 'MaxBootDuration', type: 'long', doc: 'Max boot duration (CCM_SystemBootSummary.MaxBootDuration).' },
    { name: 'MedianBootDuration', type: 'long', doc: 'Median boot duration (CCM_SystemBootSummary.MedianBootDuration).' },
    { name: 'MedianGPDuration', type: 'long', doc: 'Median gp duration (CCM_SystemBootSummary.MedianGPDuration): durations ms.' },
  ],
  examples: [
    'SystemBootSummary | project AverageBootFrequency, LatestBootDuration, LatestCoreBootDuration, LatestBiosDuration',
  ],
});
