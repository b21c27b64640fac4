import { defineEntity } from '../define-entity.js';

export const PhysicalDisk = defineEntity({
  name: 'PhysicalDisk',
  description: 'PhysicalDisk: the WMI class MSFT_PhysicalDisk in root\\Microsoft\\Windows\\Storage.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'FriendlyName', type: 'string', doc: 'The friendly name.' },
    { name: 'Model', type: 'string', doc: 'The model.' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'SerialNumber', type: 'string', doc: 'The serial number.' },
    { name: 'FirmwareVersion', type: 'string', doc: 'Firmware version (MSFT_PhysicalDisk.FirmwareVersion).' },
    { name: 'MediaType', type: 'long', doc: 'Media type (MSFT_PhysicalDisk.MediaType).' },
    { name: 'BusType', type: 'long', doc: 'Bus type (MSFT_PhysicalDisk.BusType).' },
    { name: 'HealthStatus', type: 'long', doc: 'The health status code.' },
    { name: 'Size', type: 'long', doc: 'Size (MSFT_PhysicalDisk.Size), in bytes.' },
    { name: 'AllocatedSize', type: 'long', doc: 'Allocated size (MSFT_PhysicalDisk.AllocatedSize).' },
    { name: 'SpindleSpeed', type: 'long', doc: 'Spindle speed (MSFT_PhysicalDisk.SpindleSpeed).' },
    { name: 'DeviceId', type: 'string', doc: 'The device id.' },
    { name: 'UniqueId', type: 'string', doc: 'A unique identifier.' },
    { name: 'Usage', type: 'long', doc: 'Usage (MSFT_PhysicalDisk.Usage).' },
    { name: 'CanPool', type: 'bool', doc: 'Can pool: true or false (MSFT_PhysicalDisk.CanPool).' },
  ],
  examples: [
    'PhysicalDisk | project FriendlyName, MediaType, BusType, Size, HealthStatus',
    'PhysicalDisk | summarize sum(Size) by MediaType',
  ],
});
