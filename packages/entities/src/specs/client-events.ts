import { defineEntity } from '../define-entity.js';

export const ClientEvents = defineEntity({
  name: 'ClientEvents',
  description: 'Client Events: the WMI class ClientEvents in root\\ccm\\invagt (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'EventName', type: 'string', doc: 'Event name (ClientEvents.EventName).' },
    { name: 'Count', type: 'long', doc: 'How many.' },
  ],
  examples: [
    'ClientEvents | project EventName, Count',
    'ClientEvents | summarize count() by EventName',
  ],
});
