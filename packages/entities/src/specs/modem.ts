import { defineEntity } from '../define-entity.js';

export const Modem = defineEntity({
  name: 'Modem',
  description: 'Modem: the WMI class Win32_POTSModem in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Model', type: 'string', doc: 'The model.' },
    { name: 'ProviderName', type: 'string', doc: 'Provider name (Win32_POTSModem.ProviderName).' },
    { name: 'AttachedTo', type: 'string', doc: 'Attached to (Win32_POTSModem.AttachedTo).' },
    { name: 'DeviceType', type: 'string', doc: 'Device type (Win32_POTSModem.DeviceType).' },
    { name: 'MaxBaudRateToPhone', type: 'long', doc: 'Max baud rate to phone (Win32_POTSModem.MaxBaudRateToPhone), in bit/s.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'Modem | project DeviceID, Name, Model, ProviderName',
    'Modem | summarize count() by DeviceID',
  ],
});
