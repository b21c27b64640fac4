import { defineEntity } from '../define-entity.js';

export const PCMCIAController = defineEntity({
  name: 'PCMCIAController',
  description: 'PCMCIA Controller: the WMI class Win32_PCMCIAController in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'PCMCIAController | project DeviceID, Name, Manufacturer, PNPDeviceID',
    'PCMCIAController | summarize count() by DeviceID',
  ],
});
