import { defineEntity } from '../define-entity.js';

export const ParallelPort = defineEntity({
  name: 'ParallelPort',
  description: 'Parallel Port: the WMI class Win32_ParallelPort in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'DMASupport', type: 'bool', doc: 'Dma support: true or false (Win32_ParallelPort.DMASupport).' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'Availability', type: 'long', doc: 'WMI availability code: 3 running/full power, 7 power off, 8 offline…' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'ParallelPort | project DeviceID, Name, DMASupport, PNPDeviceID',
    'ParallelPort | where DMASupport == true | project Device, DeviceID, Name',
  ],
});
