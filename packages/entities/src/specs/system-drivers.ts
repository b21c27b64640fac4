import { defineEntity } from '../define-entity.js';

export const SystemDrivers = defineEntity({
  name: 'SystemDrivers',
  description: 'System Drivers: the WMI class Win32_SystemDriver in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'DisplayName', type: 'string', doc: 'The display name.' },
    { name: 'PathName', type: 'string', doc: 'The command line of the binary.' },
    { name: 'State', type: 'string', doc: 'The current state: \'Running\', \'Stopped\'…' },
    { name: 'StartMode', type: 'string', doc: 'How it starts: \'Auto\', \'Manual\', \'Disabled\', \'Boot\', \'System\'.' },
    { name: 'Started', type: 'bool', doc: 'True when it is running.' },
    { name: 'ServiceType', type: 'string', doc: 'The kind: \'Kernel Driver\', \'File System Driver\', \'Own Process\'…' },
    { name: 'ErrorControl', type: 'string', doc: 'What happens when it fails to start: \'Ignore\', \'Normal\', \'Severe\', \'Critical\'.' },
    { name: 'ExitCode', type: 'long', doc: 'The last Win32 exit code (0 = success).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'SystemDrivers | where State == \'Running\' | project Name, DisplayName, PathName',
  ],
});
