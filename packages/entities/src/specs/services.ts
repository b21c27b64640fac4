import { defineEntity } from '../define-entity.js';

export const Services = defineEntity({
  name: 'Services',
  description: 'Services: the WMI class Win32_Service in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'DisplayName', type: 'string', doc: 'The display name.' },
    { name: 'State', type: 'string', doc: 'The current state: \'Running\', \'Stopped\'…' },
    { name: 'StartMode', type: 'string', doc: 'How it starts: \'Auto\', \'Manual\', \'Disabled\', \'Boot\', \'System\'.' },
    { name: 'StartName', type: 'string', doc: 'Start name (Win32_Service.StartName).' },
    { name: 'PathName', type: 'string', doc: 'The command line of the binary.' },
    { name: 'ProcessId', type: 'long', doc: 'Process ID (Win32_Service.ProcessId).' },
    { name: 'ServiceType', type: 'string', doc: 'The kind: \'Kernel Driver\', \'File System Driver\', \'Own Process\'…' },
    { name: 'Started', type: 'bool', doc: 'True when it is running.' },
    { name: 'ExitCode', type: 'long', doc: 'The last Win32 exit code (0 = success).' },
    { name: 'AcceptStop', type: 'bool', doc: 'Accept stop: true or false (Win32_Service.AcceptStop).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'Services | where StartMode == \'Auto\' and State != \'Running\' | project Name, DisplayName, State, PathName',
    'Services | summarize count() by StartName',
  ],
});
