import { defineEntity } from '../define-entity.js';

export const PhysicalMemory = defineEntity({
  name: 'PhysicalMemory',
  description: "One row per installed memory module, from the SMBIOS memory-device records (type 17). On Linux the table (/sys/firmware/dmi/tables/DMI) is root-only and absent in containers and most VMs without DMI: then there are no rows.",
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'BankLabel', type: 'string', doc: "The bank the module sits in ('P0 CHANNEL A')." },
    { name: 'DeviceLocator', type: 'string', doc: "The socket or board position ('DIMM 0')." },
    { name: 'Capacity', type: 'long', doc: 'The module size in bytes (as WMI reports it).' },
    { name: 'Manufacturer', type: 'string', doc: "The module's maker as its SPD data says." },
    { name: 'PartNumber', type: 'string', doc: "The maker's part number." },
    { name: 'SerialNumber', type: 'string', doc: "The module's serial number." },
    { name: 'Speed', type: 'long', doc: 'The rated speed in MT/s (SMBIOS writes MHz).' },
    { name: 'FormFactor', type: 'long', doc: "Windows' form factor code: 8 DIMM, 12 SODIMM, 0 unknown…" },
    { name: 'MemoryType', type: 'long', doc: "Windows' memory type code: 20 DDR, 21 DDR2, 24 DDR3, 26 DDR4, 0 unknown or newer (see SMBIOSMemoryType)." },
    { name: 'TypeDetail', type: 'long', doc: 'The SMBIOS type-detail bit field (128 synchronous, 8192 registered, 16384 unbuffered…).' },
    { name: 'Tag', type: 'string', doc: "'Physical Memory N', N counting the modules from 0." },
    { name: 'SMBIOSMemoryType', type: 'long', doc: 'The raw SMBIOS memory type (26 DDR4, 34 DDR5, 35 LPDDR5…).' },
    { name: 'ConfiguredClockSpeed', type: 'long', doc: 'The speed the module runs at now, in MT/s; null when the firmware does not say.' },
  ],
  examples: [
    'PhysicalMemory | project DeviceLocator, Capacity, Speed, Manufacturer',
    'PhysicalMemory | summarize sum(Capacity) by Device',
    "PhysicalMemory | where Manufacturer == 'Samsung' | project PartNumber, SerialNumber",
  ],
});
