import { defineEntity } from '../define-entity.js';

export const SMSAdvancedClientState = defineEntity({
  name: 'SMSAdvancedClientState',
  description: 'Configuration Manager Client State: the WMI class CCM_InstalledComponent in root\\ccm (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'DisplayName', type: 'string', doc: 'The display name.' },
    { name: 'Version', type: 'string', doc: 'The version.' },
  ],
  examples: [
    'SMSAdvancedClientState | project Name, DisplayName, Version',
    'SMSAdvancedClientState | summarize count() by DisplayName',
  ],
});
