import { defineEntity } from '../define-entity.js';

export const WinEvent = defineEntity({
  name: 'WinEvent',
  description: 'Events of a Windows event log or ETW log within a time span (24 hours by default), read with Get-WinEvent.',
  platforms: ['windows'],
  permission: 'sensitive',
  parameters: [
    { name: 'log', type: 'string', doc: "The log name: 'System', 'Application', 'Microsoft-Windows-HelloForBusiness/Operational'…" },
    { name: 'timespan', type: 'timespan', doc: 'How far back from now to read; 1d when left out.', optional: true },
  ],
  columns: [
    { name: 'DateTime', type: 'datetime', doc: 'When the event was created (UTC).' },
    { name: 'LevelDisplayName', type: 'string', doc: "The level as Windows names it: 'Critical', 'Error', 'Warning', 'Information', 'Verbose'." },
    { name: 'ProviderName', type: 'string', doc: 'The provider (source) that wrote the event.' },
    { name: 'ID', type: 'long', doc: 'The event id.' },
    { name: 'Message', type: 'string', doc: 'The rendered message; "" when the provider has no message text installed.' },
  ],
  examples: [
    "WinEvent('Microsoft-Windows-HelloForBusiness/Operational', 1d) | where ID == 7054 | project DateTime, Message",
    "WinEvent('System', 7d) | where LevelDisplayName == 'Error' | summarize count() by ProviderName",
  ],
});
