import { defineEntity } from '../define-entity.js';

export const Connection = defineEntity({
  name: 'Connection',
  description: 'An established TCP connection in or out of the device (IPv4 and IPv6).',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Server', type: 'string', doc: 'The remote address, without the port (CMPivot: the remote host of an ESTABLISHED netstat row).' },
    { name: 'LocalAddress', type: 'string', doc: 'The local IP address of the connection.' },
    { name: 'LocalPort', type: 'long', doc: 'The local TCP port.' },
    { name: 'RemoteAddress', type: 'string', doc: 'The remote IP address (IPv6 in compressed form; IPv4-mapped as ::ffff:a.b.c.d).' },
    { name: 'RemotePort', type: 'long', doc: 'The remote TCP port.' },
    { name: 'State', type: 'string', doc: "The TCP state; always 'Established', as CMPivot lists only established connections." },
    { name: 'ProcessId', type: 'long', doc: 'The id of a process holding the socket; null when no readable process holds it.' },
    { name: 'ProcessName', type: 'string', doc: 'The name (comm) of that process; "" when unknown.' },
    { name: 'Protocol', type: 'string', doc: "'TCP' over IPv4, 'TCPv6' over IPv6." },
  ],
  examples: [
    'Connection | summarize count() by Server',
    'Connection | where RemotePort == 443 | project Server, LocalPort, ProcessId, ProcessName',
    "Connection | where ProcessName == 'sshd' | project Server, RemotePort",
  ],
});
