import { defineEntity } from '../define-entity.js';

export const OfficeDocumentSolution = defineEntity({
  name: 'OfficeDocumentSolution',
  description: 'Office Document Solution: the WMI class CCM_OfficeDocumentSolution in root\\ccm\\InvAgt (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DocumentSolutionId', type: 'string', doc: 'The id of the Office document or solution.' },
    { name: 'OfficeApp', type: 'string', doc: 'The Office application (Word, Excel, Outlook…).' },
    { name: 'Type', type: 'string', doc: 'The type.' },
    { name: 'ExampleFileName', type: 'string', doc: 'Example file name (CCM_OfficeDocumentSolution.ExampleFileName).' },
    { name: 'LoadCount', type: 'long', doc: 'How many times it was loaded.' },
    { name: 'LoadFailCount', type: 'long', doc: 'How many times loading failed.' },
    { name: 'CrashCount', type: 'long', doc: 'How many crashes it was involved in.' },
    { name: 'CompatibilityErrorCount', type: 'long', doc: 'How many compatibility errors were seen.' },
    { name: 'MacroCompileErrorCount', type: 'long', doc: 'How many macro compile errors were seen.' },
    { name: 'MacroRuntimeErrorCount', type: 'long', doc: 'How many macro runtime errors were seen.' },
  ],
  examples: [
    'OfficeDocumentSolution | project DocumentSolutionId, OfficeApp, Type, ExampleFileName',
    'OfficeDocumentSolution | summarize count() by DocumentSolutionId',
  ],
});
