import { defineEntity } from '../define-entity.js';

export const OfficeDocumentMetric = defineEntity({
  name: 'OfficeDocumentMetric',
  description: 'Office document metrics: the WMI class CCM_OfficeDocumentMetric in root\\ccm\\InvAgt (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'OfficeApp', type: 'string', doc: 'The Office application (Word, Excel, Outlook…).' },
    { name: 'TotalLocalDocs', type: 'long', doc: 'Total local docs (CCM_OfficeDocumentMetric.TotalLocalDocs).' },
    { name: 'TotalCloudDocs', type: 'long', doc: 'Total cloud docs (CCM_OfficeDocumentMetric.TotalCloudDocs).' },
    { name: 'TotalUncDocs', type: 'long', doc: 'Total unc docs (CCM_OfficeDocumentMetric.TotalUncDocs).' },
    { name: 'TotalLegacyDocs', type: 'long', doc: 'Total legacy docs (CCM_OfficeDocumentMetric.TotalLegacyDocs).' },
    { name: 'TotalMacroDocs', type: 'long', doc: 'Total macro docs (CCM_OfficeDocumentMetric.TotalMacroDocs).' },
    { name: 'TotalNonMacroDocs', type: 'long', doc: 'Total non macro docs (CCM_OfficeDocumentMetric.TotalNonMacroDocs).' },
  ],
  examples: [
    'OfficeDocumentMetric | project OfficeApp, TotalLocalDocs, TotalCloudDocs, TotalUncDocs',
    'OfficeDocumentMetric | summarize count() by OfficeApp',
  ],
});
