import { defineEntity } from '../define-entity.js';

export const CcmLog = defineEntity({
  name: 'CcmLog',
  description:
    "Entries of a Configuration Manager client log (<LogDirectory>\\<name>.log, CMTrace format) within a time span (24 hours by default), oldest first.",
  platforms: ['windows'],
  permission: 'sensitive',
  parameters: [
    { name: 'name', type: 'string', doc: "The log's name without '.log' (letters, digits, '-', '_', '@'): CcmLog('Scripts')." },
    { name: 'timespan', type: 'timespan', doc: 'How far back from now to read; 1d when left out.', optional: true },
  ],
  columns: [
    { name: 'LogText', type: 'string', doc: 'The text of the entry (may span lines).' },
    { name: 'DateTime', type: 'datetime', doc: "When the entry was written (UTC, from the entry's time, date and bias)." },
    { name: 'Component', type: 'string', doc: 'The component that wrote it.' },
    { name: 'Context', type: 'string', doc: 'The security context, often "".' },
    { name: 'Type', type: 'string', doc: "The severity as written: '1' information, '2' warning, '3' error." },
    { name: 'Thread', type: 'string', doc: "The thread id as written (e.g. '4312 (0x10D8)' or '4312')." },
    { name: 'File', type: 'string', doc: 'The source file and line that wrote it, often "".' },
  ],
  examples: [
    "CcmLog('Scripts', 1h) | where LogText contains 'error' | project DateTime, LogText",
    "CcmLog('ciagent', 7d) | where Type == '3' | summarize count() by Component",
  ],
});
