import { defineEntity } from '../define-entity.js';

export const AgentLog = defineEntity({
  name: 'AgentLog',
  description:
    "Entries of one of the openpivot agent's own logs (CMPivot's CcmLog) within a time span (24 hours by default), oldest first.",
  platforms: ['linux'],
  permission: 'sensitive',
  parameters: [
    { name: 'name', type: 'string', doc: "The log's name without '.log' (letters, digits, _, @ and -): AgentLog('agent')." },
    { name: 'timespan', type: 'timespan', doc: 'How far back from now to read; 1d when left out.', optional: true },
  ],
  columns: [
    { name: 'LogText', type: 'string', doc: 'The message.' },
    { name: 'DateTime', type: 'datetime', doc: 'When the entry was written.' },
    { name: 'Component', type: 'string', doc: 'The part of the agent that wrote it.' },
    { name: 'Context', type: 'string', doc: 'The operation or request id the entry belongs to, "" when none.' },
    { name: 'Type', type: 'string', doc: "CMTrace's severity: '1' information, '2' warning, '3' error." },
    { name: 'Thread', type: 'string', doc: 'The process id (the agent is single-threaded), "" when not recorded.' },
    { name: 'File', type: 'string', doc: 'The source file that wrote it, "" when not recorded.' },
    { name: 'Level', type: 'string', doc: 'The level as logged (debug, info, warn, error…).' },
  ],
  examples: [
    "AgentLog('agent') | where Type == '3' | project DateTime, Component, LogText",
    "AgentLog('agent', 1h) | summarize count() by Component",
  ],
});
