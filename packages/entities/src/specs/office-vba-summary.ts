import { defineEntity } from '../define-entity.js';

export const OfficeVbaSummary = defineEntity({
  name: 'OfficeVbaSummary',
  description: 'Office VBA scan summary: the WMI class CCM_OfficeVbaScanResultsSummary in root\\ccm\\InvAgt (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Total', type: 'long', doc: 'Total (CCM_OfficeVbaScanResultsSummary.Total).' },
    { name: 'HasVba', type: 'long', doc: 'Has VBA (CCM_OfficeVbaScanResultsSummary.HasVba).' },
    { name: 'NoVba', type: 'long', doc: 'No VBA (CCM_OfficeVbaScanResultsSummary.NoVba).' },
    { name: 'Issues', type: 'long', doc: 'Issues (CCM_OfficeVbaScanResultsSummary.Issues).' },
    { name: 'IssuesNone', type: 'long', doc: 'Issues none (CCM_OfficeVbaScanResultsSummary.IssuesNone).' },
    { name: 'Locked', type: 'long', doc: 'Locked (CCM_OfficeVbaScanResultsSummary.Locked).' },
    { name: 'Protected', type: 'long', doc: 'Protected (CCM_OfficeVbaScanResultsSummary.Protected).' },
    { name: 'Inaccessible', type: 'long', doc: 'Inaccessible (CCM_OfficeVbaScanResultsSummary.Inaccessible).' },
    { name: 'DuplicateVba', type: 'long', doc: 'Duplicate VBA (CCM_OfficeVbaScanResultsSummary.DuplicateVba).' },
    { name: 'Score', type: 'long', doc: 'Score (CCM_OfficeVbaScanResultsSummary.Score).' },
    { name: 'HasResults', type: 'bool', doc: 'Has results: true or false (CCM_OfficeVbaScanResultsSummary.HasResults).' },
  ],
  examples: [
    'OfficeVbaSummary | project Total, HasVba, NoVba, Issues',
    'OfficeVbaSummary | where HasResults == true | project Device, Total, HasVba',
  ],
});
