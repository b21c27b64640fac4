import { defineEntity } from '../define-entity.js';

export const OfficeMacroError = defineEntity({
  name: 'OfficeMacroError',
  description: 'Office Macro Error: the WMI class CCM_OfficeMacroError in root\\ccm\\InvAgt (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DocumentSolutionId', type: 'string', doc: 'The id of the Office document or solution.' },
    { name: 'Type', type: 'string', doc: 'The type.' },
    { name: 'ErrorCode', type: 'long', doc: 'Error code (CCM_OfficeMacroError.ErrorCode).' },
    { name: 'Count', type: 'long', doc: 'How many.' },
    { name: 'LastOccurrence', type: 'long', doc: 'Last occurrence (CCM_OfficeMacroError.LastOccurrence): raw UInt64.' },
  ],
  examples: [
    'OfficeMacroError | project DocumentSolutionId, Type, ErrorCode, Count',
    'OfficeMacroError | summarize count() by DocumentSolutionId',
  ],
});
