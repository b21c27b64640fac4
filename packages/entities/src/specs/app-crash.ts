import { defineEntity } from '../define-entity.js';

export const AppCrash = defineEntity({
  name: 'AppCrash',
  description: "Application crashes of the last 7 days: Application log events 1000 from 'Application Error'.",
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'FileName', type: 'string', doc: 'The faulting executable (e.g. outlook.exe).' },
    { name: 'Version', type: 'string', doc: 'The version of the faulting executable.' },
    { name: 'ReportId', type: 'string', doc: 'The Windows Error Reporting report id (a GUID).' },
    { name: 'DateTime', type: 'datetime', doc: 'When the crash was logged (UTC).' },
  ],
  examples: [
    'AppCrash | summarize count() by FileName, Version | order by count_ desc',
    "AppCrash | where FileName == 'outlook.exe' | project DateTime, Version, ReportId",
  ],
});
