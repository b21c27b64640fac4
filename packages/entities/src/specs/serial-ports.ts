import { defineEntity } from '../define-entity.js';

export const SerialPorts = defineEntity({
  name: 'SerialPorts',
  description: 'Serial Ports: the WMI class Win32_SerialPort in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'MaxBaudRate', type: 'long', doc: 'Max baud rate (Win32_SerialPort.MaxBaudRate), in bit/s.' },
    { name: 'ProviderType', type: 'string', doc: 'Provider type (Win32_SerialPort.ProviderType).' },
    { name: 'OSAutoDiscovered', type: 'bool', doc: 'Os auto discovered: true or false (Win32_SerialPort.OSAutoDiscovered).' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'SerialPorts | project DeviceID, Name, MaxBaudRate, ProviderType',
    'SerialPorts | where OSAutoDiscovered == true | project Device, DeviceID, Name',
  ],
});
