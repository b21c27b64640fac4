import { defineEntity } from '../define-entity.js';

export const BaseBoard = defineEntity({
  name: 'BaseBoard',
  description: 'BaseBoard: the WMI class Win32_BaseBoard in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'Product', type: 'string', doc: 'The product the file belongs to.' },
    { name: 'SerialNumber', type: 'string', doc: 'The serial number.' },
    { name: 'Version', type: 'string', doc: 'The version.' },
    { name: 'Model', type: 'string', doc: 'The model.' },
    { name: 'PartNumber', type: 'string', doc: 'The part number.' },
    { name: 'Tag', type: 'string', doc: 'The unique WMI key of the object.' },
    { name: 'HostingBoard', type: 'bool', doc: 'Hosting board: true or false (Win32_BaseBoard.HostingBoard).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'BaseBoard | project Manufacturer, Product, SerialNumber',
    'BaseBoard | summarize count() by Manufacturer, Product',
  ],
});
