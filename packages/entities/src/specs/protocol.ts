import { defineEntity } from '../define-entity.js';

export const Protocol = defineEntity({
  name: 'Protocol',
  description: 'Protocol: the WMI class Win32_NetworkProtocol in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Caption', type: 'string', doc: 'A short description (WMI Caption).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'ConnectionlessService', type: 'bool', doc: 'Connectionless service: true or false (Win32_NetworkProtocol.ConnectionlessService).' },
    { name: 'GuaranteesDelivery', type: 'bool', doc: 'Guarantees delivery: true or false (Win32_NetworkProtocol.GuaranteesDelivery).' },
    { name: 'SupportsEncryption', type: 'bool', doc: 'Supports encryption: true or false (Win32_NetworkProtocol.SupportsEncryption).' },
    { name: 'MaximumMessageSize', type: 'long', doc: 'Maximum message size (Win32_NetworkProtocol.MaximumMessageSize).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'Protocol | project Name, Caption, Description, ConnectionlessService',
    'Protocol | where ConnectionlessService == true | project Device, Name, Caption',
  ],
});
