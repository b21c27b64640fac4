import { defineEntity } from '../define-entity.js';

export const Keyboard = defineEntity({
  name: 'Keyboard',
  description: 'Keyboard: the WMI class Win32_Keyboard in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'Layout', type: 'string', doc: 'Layout (Win32_Keyboard.Layout).' },
    { name: 'NumberOfFunctionKeys', type: 'long', doc: 'Number of function keys (Win32_Keyboard.NumberOfFunctionKeys).' },
    { name: 'PNPDeviceID', type: 'string', doc: 'The Plug and Play device instance id.' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'Keyboard | project DeviceID, Name, Description, Layout',
    'Keyboard | summarize count() by DeviceID',
  ],
});
