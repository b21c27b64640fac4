import { defineEntity } from '../define-entity.js';

export const WindowsUpdateAgentVersion = defineEntity({
  name: 'WindowsUpdateAgentVersion',
  description: 'Windows Update Agent Version: the WMI class Win32_WindowsUpdateAgentVersion in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Version', type: 'string', doc: 'The version.' },
  ],
  examples: [
    'WindowsUpdateAgentVersion | project Version',
  ],
});
